// What the pane says, computed from the engine's own reports (no DOM): the figures side by side,
// the findings grouped and filtered, a recompute's outcome in words, failures in one sentence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSheet } from '../../src/core/engine';
import { applyToSnapshot } from '../../src/core/patch';
import type { FormReport, SheetReport } from '../../src/core/report';
import type { Finding } from '../../src/core/types';
import { countBySeverity } from '../../src/core/report';
import { DoorError } from '../../src/door/errors';
import { MARK_COLORS } from '../../src/door/marks';
import { READ_WINDOW } from '../../src/door/notices';
import { groupFindings, paneFindings } from '../../src/taskpane/findings-model';
import { localeFor, t } from '../../src/taskpane/i18n';
import { errorText, noticeText } from '../../src/taskpane/messages';
import { leftAlone, recomputeText, sentences, shownBefore, writtenItems } from '../../src/taskpane/outcome';
import { summarize } from '../../src/taskpane/summary-model';
import { seedRows, seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

const seedSnapshot = sketchToSnapshot(seedSketch);
const seed: SheetReport = analyzeSheet(seedSnapshot);

const f = (severity: Finding['severity'], cell: string, message = cell, code = 'x', sheet = 'S'): Finding => ({
  code,
  severity,
  sheet,
  cell,
  message,
});

describe('summary: the sheet beside the rules', () => {
  test('the seed right after 检查: 表中 96, 按规则 97.87, both shown, differing rows marked', () => {
    const [form] = summarize([seed], 'zh');
    const rows = Object.fromEntries(form.rows.map((r) => [r.label, r]));
    expect(form.differs).toBe(true);
    expect(rows['总分 /100']).toMatchObject({ sheet: '96', rules: '97.87', differs: true, cell: `H${seedRows.total}` });
    expect(rows['执行率']).toMatchObject({ sheet: '100.00%', rules: '100.00%', differs: false });
    expect(rows['预算得分 /10']).toMatchObject({ sheet: '10', rules: '10.00', differs: false });
    // The seed has no grade cell: the grade by the rules, nothing in the sheet to differ from.
    expect(rows['等级']).toMatchObject({ sheet: '表中没有等级栏', rules: '优', differs: false });
    expect(form.levels.map((l) => l.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    for (const level of form.levels) expect(level.ratio).toBeLessThanOrEqual(1);
  });

  test('after a recompute the two columns agree and the card says so', () => {
    const after = analyzeSheet(applyToSnapshot(seedSnapshot, seed.forms[0].writes));
    const [form] = summarize([after], 'zh');
    expect(form.differs).toBe(false);
    expect(form.rows.find((r) => r.label.startsWith('总分'))).toMatchObject({ sheet: '97.87', rules: '97.87' });
  });

  test('a form not yet scored says so, and an incomplete total is no figure by the rules and has no grade', () => {
    const form = seed.forms[0];
    const unscored: FormReport = {
      ...form,
      scoring: 'not-yet-scored',
      grade: null,
      total: form.total && { ...form.total, complete: false, score: '10.00' },
    };
    const [card] = summarize([{ ...seed, forms: [unscored] }], 'zh');
    expect(card.scoring).toContain('未评分');
    expect(card.rows.find((r) => r.label.startsWith('总分'))).toMatchObject({ rules: null });
    expect(card.rows.map((r) => r.label)).not.toContain('等级');
    expect(card.noTotal).toContain('部分合计（10.00）');
    const [plain] = summarize([{ ...seed, forms: [{ ...form, scoring: 'not-scored', total: null, grade: null }] }], 'zh');
    expect(plain.scoring).toContain('不评分');
    expect(plain.noTotal).toBeNull();
  });

  test('never a grade beside a missing total', () => {
    const withoutTotal: SheetReport = { ...seed, forms: [{ ...seed.forms[0], total: null } as FormReport] };
    const [form] = summarize([withoutTotal], 'zh');
    expect(form.rows.map((r) => r.label)).toEqual(['执行率', '预算得分 /10']);
    expect(form.noTotal).toContain('没有总分行');
  });
});

describe('findings list', () => {
  test('grouped errors first, each group in reading order, counts as the engine counts', () => {
    const groups = groupFindings([f('info', 'B2'), f('error', 'H19'), f('error', 'I5'), f('error', 'AA5')], 'zh');
    expect(groups.map((g) => [g.title, g.count])).toEqual([
      ['错误', 3],
      ['提示', 1],
    ]);
    expect(groups[0].entries.map((e) => e.cell)).toEqual(['I5', 'AA5', 'H19']);
  });

  test('a row already listed as a warning is not listed again as a hint: the hint goes with it', () => {
    const findings = [f('warning', 'H27', '方向相反'), f('info', 'F27', '未达标'), f('info', 'F40', '单位')];
    const groups = groupFindings(findings, 'zh');
    const [warnings, hints] = groups;
    expect(warnings.entries).toHaveLength(1);
    expect(warnings.entries[0].also.map((a) => a.message)).toEqual(['未达标']);
    expect(hints).toMatchObject({ count: 2, folded: 1 });
    expect(hints.entries.map((e) => e.cell)).toEqual(['F40']);
    // The counts still add up to the engine's.
    const counts = countBySeverity(findings);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(counts.error + counts.warning + counts.info);
  });

  test('the severity filter shows one group, every finding of it, nothing folded away', () => {
    const findings = [f('warning', 'H27'), f('info', 'F27'), f('info', 'F40')];
    const groups = groupFindings(findings, 'zh', 'info');
    expect(groups.map((g) => g.severity)).toEqual(['info']);
    expect(groups[0].entries.map((e) => e.cell)).toEqual(['F27', 'F40']);
  });

  test('with several sheets each entry names its sheet; a sheet without a form is not a problem', () => {
    const other: SheetReport = { sheet: 'T', forms: [], findings: [f('error', 'A1', '没有表', 'form.not-found', 'T')] };
    expect(paneFindings([other])).toEqual([]);
    const groups = groupFindings([f('warning', 'A1', 'm', 'x', 'T'), ...paneFindings([seed])], 'en');
    expect(groups.find((g) => g.severity === 'warning')?.entries.some((e) => e.where === 'T!A1')).toBe(true);
    expect(groups[0].title).toBe('Warnings');
  });
});

describe('what a recompute did', () => {
  test('each written cell old → new as the person saw it', () => {
    const items = writtenItems(seed.forms[0].writes, 'zh');
    expect(items.map((i) => `${i.where} ${i.what} ${i.before} → ${i.after}`)).toEqual([
      'G5 执行率 100% → 100.00%',
      `H${seedRows.firstIndicator + 5} 得分 1 → 1.92`,
      `H${seedRows.firstIndicator + 9} 得分 1 → 1.95`,
      `H${seedRows.total} 总分 96 → 97.87`,
    ]);
    expect(shownBefore({ value: 0.8553, numberFormat: '0.00%' }, 'zh')).toBe('85.53%');
    expect(shownBefore({ value: null }, 'zh')).toBe('空');
  });

  test('what was not written and why: formulas kept, scores the rules cannot give', () => {
    const snap = sketchToSnapshot(seedSketch);
    snap.cells[seedRows.firstIndicator + 5 - snap.top][7] = { value: 1, formula: '=0.5+0.5' };
    snap.cells[seedRows.firstIndicator + 9 - snap.top][5] = { value: null };
    const report = analyzeSheet(snap);
    const alone = leftAlone([report]);
    expect(alone.formulas).toEqual([`H${seedRows.firstIndicator + 5}`]);
    expect(alone.blocked).toBe(1);
    expect(recomputeText('zh', 0, alone, false)).toBe(
      `没有写入任何内容。未写入：1 个公式格（H${seedRows.firstIndicator + 5}）保留原公式，助手不改写公式；1 项指标的得分无法按规则计算，请先处理下面列出的问题。`,
    );
    expect(recomputeText('zh', 0, { formulas: [], blocked: 0, rateBlocked: false }, false)).toBe('各项数字已是最新，没有写入任何内容。');
    expect(recomputeText('zh', 2, { formulas: [], blocked: 0, rateBlocked: false }, true)).toBe(
      '重算前，Excel 先提交了您正在输入的单元格内容，重算已包括它。已写入 2 个单元格，可点“撤销本次写入”恢复。',
    );
  });

  test('sentences: no space after a Chinese full stop, one in English', () => {
    expect(sentences('zh', ['检查完成。', null, '已标记 2 处单元格。'])).toBe('检查完成。已标记 2 处单元格。');
    expect(sentences('en', ['Checked.', 'Highlighted 2 cells.'])).toBe('Checked. Highlighted 2 cells.');
  });
});

describe('plain sentences', () => {
  test('Chinese unless Office speaks English', () => {
    expect(localeFor('zh-CN')).toBe('zh');
    expect(localeFor(undefined)).toBe('zh');
    expect(localeFor('en-US')).toBe('en');
    expect(t('zh', 'recomputed', { n: 4 })).toBe('已写入 4 个单元格，可点“撤销本次写入”恢复。');
  });

  test('failures and notices', () => {
    expect(errorText('zh', new DoorError('protected', '表1'))).toBe('工作表“表1”受保护，未写入任何内容。请先撤销工作表保护。');
    expect(errorText('en', new Error('boom'))).toContain('boom');
    expect(noticeText('zh', 'partial-read')).toContain(`${READ_WINDOW.rows} 行、${READ_WINDOW.columns} 列`);
  });
});

describe('the help page', () => {
  const help = readFileSync(join(__dirname, '..', '..', 'src', 'help', 'help.html'), 'utf8');
  const helpCss = readFileSync(join(__dirname, '..', '..', 'src', 'help', 'help.css'), 'utf8');
  const css = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.css'), 'utf8');

  test.each(['needs-explanation', 'error', 'explained-loss'] as const)(
    'says what %s means in the pane’s words, in the colour the sheet gets',
    (kind) => {
      expect(help).toContain(t('zh', `legend.${kind}`));
      expect(help).toContain(`swatch-${kind}`);
      expect(css).toMatch(new RegExp(`\\.swatch-${kind} \\{\\s*background-color: ${MARK_COLORS[kind]};\\s*\\}`, 'i'));
      expect(helpCss).toMatch(new RegExp(`\\.swatch-${kind} \\{\\s*background: ${MARK_COLORS[kind]};\\s*\\}`, 'i'));
    },
  );

  test('also how to use the assistant and how to report a problem', () => {
    expect(help).toContain(t('zh', 'legendNote'));
    expect(help).toContain('怎么用');
    expect(help).toContain('报告问题');
  });
});
