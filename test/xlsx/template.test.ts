import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyzeSheet } from '../../src/core/engine';
import type { Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profile-parse';
import type { SheetReport } from '../../src/core/report';
import { parseA1 } from '../../src/core/address';
import { sketchToSnapshot } from '../../src/core/sketch';
import { templateLayout, templateSketch } from '../../src/core/template';
import { XlsxBook } from '../../src/xlsx/book';
import { templateBytes } from '../../src/xlsx/template';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'template-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(type: 'department' | 'project', year?: string): Promise<ExcelJS.Worksheet> {
  const out = join(dir, `${type}-${year ?? 'none'}.xlsx`);
  writeFileSync(out, await templateBytes(type, { year }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

/** Every non-empty cell's text, row by row, for finding labels. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out;
}

describe('the blank department form', () => {
  test('has the title, the year and every standard 一级 / 二级 label with a placeholder row', async () => {
    const ws = await written('department', '2025');
    expect(ws.name).toBe('部门整体支出绩效自评表');
    expect(ws.getCell('A1').value).toBe('部门整体支出绩效自评表');
    expect(ws.getCell('G2').value).toBe('（2025 年度）');
    const all = texts(ws);
    for (const label of [
      '预算部门名称',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '执行率',
      '年度资金总额',
      '按收入性质分：',
      '其中：一般公共预算',
      '纳入专户管理的非税收入拨款',
      '其中：基本支出',
      '项目支出',
      '预期目标',
      '实际完成情况',
      '偏差原因分析及改进措施',
      '产出指标（50分）',
      '效益指标（30分）',
      '满意度指标（10分）',
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
      '总分',
      '自评等级',
    ]) {
      expect(all).toContain(label);
    }
    expect(all.filter((t) => t === '指标1')).toHaveLength(9);
    // Nothing is filled in but the budget weight.
    expect(ws.getCell('F5').value).toBe(10);
    for (const address of ['C3', 'C5', 'D5', 'E5', 'G5', 'H5', 'B12', 'F12', 'E14', 'G14', 'H14', 'G23', 'H23', 'G24']) {
      expect(ws.getCell(address).value).toBeNull();
    }
  });

  test('keeps the reference layout: merges, widths, borders, print area', async () => {
    const ws = await written('department', '2025');
    const merges = (ws.model as { merges: string[] }).merges;
    for (const m of ['A1:I1', 'A5:A10', 'A11:A12', 'B12:E12', 'F12:I12', 'A13:A22', 'B14:B17', 'B18:B21', 'A23:F23']) {
      expect(merges).toContain(m);
    }
    expect(ws.getColumn('D').width).toBe(24);
    expect(ws.getColumn('I').width).toBe(30);
    expect(ws.getCell('D14').border?.left?.style).toBe('thin');
    expect(ws.getCell('B13').font?.bold).toBe(true);
    // The same look as the sheet the pane inserts (core's looks): labels in the middle of tall merged blocks, the year line unframed.
    expect(ws.getCell('B14').value).toBe('产出指标（50分）');
    expect(ws.getCell('B14').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('G2').alignment).toMatchObject({ horizontal: 'right' });
    expect(ws.getCell('A2').border?.top).toBeUndefined();
    expect(ws.getCell('I14').alignment).toMatchObject({ horizontal: 'left', vertical: 'middle' });
    expect(ws.pageSetup.printArea).toBe('A1:I24');
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  test('numeric cells carry number formats and data validation', async () => {
    const ws = await written('department');
    expect(ws.getCell('G2').value).toBe('（       年度）');
    expect(ws.getCell('G5').numFmt).toBe('0.00%');
    expect(ws.getCell('D5').numFmt).toBe('#,##0.00');
    expect(ws.getCell('H14').numFmt).toBe('0.00');
    for (const money of ['C5', 'D5', 'E5', 'D7', 'D10', 'H7', 'H8']) {
      expect(ws.getCell(money).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    }
    for (const points of ['F5', 'H5', 'G14', 'H22', 'G23', 'H23']) {
      expect(ws.getCell(points).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    }
    expect(ws.getCell('G24').dataValidation).toMatchObject({ type: 'list', formulae: ['"优,良,中,差"'] });
    // Text entries stay free.
    expect(ws.getCell('E14').dataValidation).toBeUndefined();
  });
});

describe('the blank project form', () => {
  test('has the project header lines and the budget rows with their dashes', async () => {
    const ws = await written('project', '2026');
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('A2').value).toBe('（2026年度）');
    expect(ws.getCell('A3').value).toBe('项目名称');
    expect(ws.getCell('A4').value).toBe('主管部门');
    expect(ws.getCell('F4').value).toBe('实施单位');
    expect(ws.getCell('G5').value).toBe('执行率（B/A）');
    expect(ws.getCell('B7').value).toBe('其中：本年财政拨款');
    expect(ws.getCell('F7').value).toBe('—');
    expect(ws.getCell('C8').dataValidation).toMatchObject({ type: 'decimal', formulae: [0] });
    expect(ws.pageSetup.printArea).toBe('A1:I23');
  });
});

describe('templates follow a profile', () => {
  test('60 / 30 without 满意度: the 满意度 rows go, the labels carry the weights', () => {
    const profile = parseProfile({ levelWeights: { 产出指标: 60, 效益指标: 30, 满意度指标: null } }, 'p.json');
    const layout = templateLayout('department', '2025', profile);
    const cells = layout.sketch.rows.flat();
    expect(cells).toContain('产出指标（60分）');
    expect(cells).toContain('效益指标（30分）');
    expect(cells.some((c) => typeof c === 'string' && c.includes('满意度'))).toBe(false);
    expect(layout.indicators.last - layout.indicators.first + 1).toBe(8);
  });

  test('a budget weight of 20 is written into the budget row', () => {
    const profile = parseProfile({ budgetWeight: 20, levelWeights: { 产出指标: 40 } }, 'p.json');
    expect(templateSketch('project', undefined, profile).rows[5][5]).toBe(20);
  });

  test('a year typed with 年 or 年度 is written once', () => {
    expect(templateSketch('project', '2025年度').rows[1][0]).toBe('（2025年度）');
    expect(templateSketch('department', '2025年').rows[1][6]).toBe('（2025 年度）');
  });
});

/** What a blank form may be told: that its entries are empty, and nothing else. */
const EMPTY_ENTRY_CODES = ['goal.missing', 'budget.no-budget', 'budget.rate-missing', 'total.missing'];

function findingsOf(report: SheetReport): string[] {
  return [...report.findings, ...report.forms.flatMap((f) => f.findings)].map((f) => `${f.severity} ${f.cell} ${f.code}：${f.message}`);
}

describe('the engine reads a blank form', () => {
  test.each(['department', 'project'] as const)('%s: found, typed, and told only about empty entries', async (type) => {
    const bytes = await templateBytes(type, { year: '2025' });
    const report = analyzeSheet(XlsxBook.open(`${type}.xlsx`, bytes).snapshots()[0]);
    expect(report.forms).toHaveLength(1);
    const form = report.forms[0];
    expect(form.type).toBe(type);
    expect(form.year).toBe('2025');
    expect(form.budget?.weight).toBe('10');
    // Placeholder rows are not indicators yet.
    expect(form.indicators).toHaveLength(0);
    expect(form.gradeCell).toBe(type === 'department' ? 'G24' : 'G23');
    const unexpected = findingsOf(report).filter((f) => !EMPTY_ENTRY_CODES.some((code) => f.includes(` ${code}：`)));
    expect(unexpected).toEqual([]);
    expect(findingsOf(report).filter((f) => f.startsWith('error'))).toEqual([]);
  });

  test('a profile without 满意度 reads its own template without a weight complaint', () => {
    const profile: Profile = parseProfile({ levelWeights: { 产出指标: 60, 效益指标: 30, 满意度指标: null } }, 'p.json');
    const sketch = templateSketch('department', '2025', profile);
    const report = analyzeSheet(sketchToSnapshot(sketch), profile);
    expect(findingsOf(report).filter((f) => !EMPTY_ENTRY_CODES.some((code) => f.includes(` ${code}：`)))).toEqual([]);
  });

  test('department: filled with figures that agree, the budget block and its two lists read clean', () => {
    const sketch = templateSketch('department', '2025');
    const fill: Record<string, string | number> = {
      C3: '某区财政局',
      C5: 100,
      D5: 120,
      E5: 118,
      G5: 118 / 120,
      H5: 9.83,
      D7: 100,
      D8: 0,
      D9: 0,
      D10: 20,
      H7: 90,
      H8: 30,
    };
    for (const [address, value] of Object.entries(fill)) {
      const p = parseA1(address)!;
      sketch.rows[p.row - 1][p.col - 1] = value;
    }
    const budgetFindings = findingsOf(analyzeSheet(sketchToSnapshot(sketch))).filter((f) => / (budget|number)\./.test(f));
    expect(budgetFindings).toEqual([]);
    // The lists are checked: a spending list that does not add up is found.
    sketch.rows[6][7] = 80;
    expect(findingsOf(analyzeSheet(sketchToSnapshot(sketch))).join('\n')).toContain('budget.breakdown-mismatch');
  });
});
