// What the pane shows, from the engine's own report of the seed form.
import { analyzeSheet } from '../../src/core/engine';
import type { SheetReport } from '../../src/core/report';
import { DoorError } from '../../src/door/errors';
import { READ_WINDOW } from '../../src/door/notices';
import { localeFor, t } from '../../src/taskpane/i18n';
import { countBySeverity, errorText, groupFindings, noticeText, summarize } from '../../src/taskpane/view-model';
import { seedSketch } from '../../src/samples/seed';
import { sketchToSnapshot } from '../../src/samples/sketch';

const seed: SheetReport = analyzeSheet(sketchToSnapshot(seedSketch));

test('findings are grouped errors first, each group in reading order, with counts in the title', () => {
  const report: SheetReport = {
    sheet: 'S',
    forms: [],
    findings: [
      { code: 'b', severity: 'info', sheet: 'S', cell: 'B2', message: '提示' },
      { code: 'c', severity: 'error', sheet: 'S', cell: 'H19', message: '第二' },
      { code: 'd', severity: 'error', sheet: 'S', cell: 'I5', message: '第一' },
      { code: 'e', severity: 'error', sheet: 'S', cell: 'AA5', message: '第一行右边' },
    ],
  };
  const groups = groupFindings([report], 'zh');
  expect(groups.map((g) => g.title)).toEqual(['错误（3）', '提示（1）']);
  expect(groups[0].items.map((i) => i.cell)).toEqual(['I5', 'AA5', 'H19']);
  expect(groups[0].items[0].where).toBe('I5');
});

test('with several sheets each finding names its sheet too', () => {
  const other: SheetReport = { sheet: 'T', forms: [], findings: [{ code: 'x', severity: 'warning', sheet: 'T', cell: 'A1', message: 'm' }] };
  const groups = groupFindings([seed, other], 'en');
  const warnings = groups.find((g) => g.severity === 'warning');
  expect(warnings?.title.startsWith('Warnings')).toBe(true);
  expect(warnings?.items.some((i) => i.where === 'T!A1')).toBe(true);
});

test('the seed summary: rate, total, grade and a bar per 一级指标 no wider than full', () => {
  const [form] = summarize([seed], 'zh');
  expect(form.rate).toBe('100.00%');
  expect(form.total).toBe('97.87');
  expect(form.totalWeight).toBe('100');
  expect(form.grade).toBe('优');
  expect(form.levels.map((l) => l.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
  for (const level of form.levels) {
    expect(level.ratio).toBeGreaterThan(0.9);
    expect(level.ratio).toBeLessThanOrEqual(1);
    expect(level.text).toBe(`${level.score} / ${level.weight}`);
  }
  const counts = countBySeverity([seed]);
  expect(counts.error + counts.warning + counts.info).toBe(seed.forms[0].findings.length);
});

test('Chinese unless Office speaks English', () => {
  expect(localeFor('zh-CN')).toBe('zh');
  expect(localeFor('zh-TW')).toBe('zh');
  expect(localeFor(undefined)).toBe('zh');
  expect(localeFor('en-US')).toBe('en');
  expect(t('zh', 'recomputed', { n: 4 })).toBe('已写入 4 个单元格，可点“撤销本次写入”恢复。');
  expect(t('en', 'check')).toBe('Check');
});

test('failures and notices become one plain sentence', () => {
  expect(errorText('zh', new DoorError('protected', '表1'))).toBe('工作表“表1”受保护，未写入任何内容。请先撤销工作表保护。');
  expect(errorText('zh', new DoorError('cell-edit', 'x'))).toContain('Enter');
  expect(errorText('en', new Error('boom'))).toContain('boom');
  expect(noticeText('zh', 'no-merges')).toContain('ExcelApi 1.13');
  expect(noticeText('zh', 'partial-read')).toContain(`${READ_WINDOW.rows} 行、${READ_WINDOW.columns} 列`);
});
