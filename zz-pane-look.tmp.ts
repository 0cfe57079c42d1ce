import { openDemo, paneFrame } from './test/browser/harness';
(async () => {
  const s = await openDemo();
  try {
    await s.page.waitForTimeout(1500);
    const f = paneFrame(s.page);
    const status = async () => (await f.locator('.status').textContent()) ?? '';
    await f.click('text=检查'); await s.page.waitForTimeout(600); console.log('check:', await status());
    await f.click('text=重新计算'); await s.page.waitForTimeout(600); console.log('recompute:', await status());
    await f.click('text=撤销本次写入'); await s.page.waitForTimeout(600); console.log('undo:', await status());
    await f.click('text=清除标记'); await s.page.waitForTimeout(600); console.log('clear:', await status());
    await f.click('text=更多'); await s.page.waitForTimeout(300);
    await f.selectOption('#profile', 'custom');
    await f.fill('textarea', '{"name":"测试","budgetDenominator":"sometimes"}');
    await f.click('text=使用此规则'); await s.page.waitForTimeout(400); console.log('profile bad:', await status());
    await f.fill('textarea', '{"name":"测试省","qualitativeBands":{"achieved":"0.8","partial":"0.5"}}');
    await f.click('text=使用此规则'); await s.page.waitForTimeout(400); console.log('profile ok:', await status());
    await f.click('text=插入空白表'); await s.page.waitForTimeout(800); console.log('insert:', await status());
    await s.page.screenshot({ path: '/tmp/pane-more.png' });
    console.log('errors', s.errors, 'outside', s.outside);
  } finally { await s.close(); }
})().catch((e) => { console.error(e); process.exit(1); });
