// The blank form as an .xlsx file: the sketch made a workbook (convert.ts), then what only a form
// to fill needs: header shading, row heights, data validation on the numeric cells, a print set-up.
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { a1, parseA1 } from '../core/address';
import { NATIONAL, type Profile } from '../core/profile';
import { templateLayout, type TemplateLayout, type TemplateType } from '../core/template';
import { sketchToWorkbook } from './convert';

export interface TemplateOptions {
  year?: string;
  /** Sets the 一级 weights in the labels and the budget weight (default national). */
  profile?: Profile;
}

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

/** Cells as ranges down each column ('D7', 'D8', 'D9' → 'D7:D9'). */
function columnRuns(cells: string[]): string[] {
  const points = cells.map((c) => parseA1(c)).filter((p): p is { row: number; col: number } => p !== null);
  points.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  let i = 0;
  while (i < points.length) {
    let j = i;
    while (j + 1 < points.length && points[j + 1].col === points[i].col && points[j + 1].row === points[j].row + 1) j++;
    const from = a1(points[i].row, points[i].col);
    runs.push(j === i ? from : `${from}:${a1(points[j].row, points[j].col)}`);
    i = j + 1;
  }
  return runs;
}

/**
 * exceljs squeezes per-cell validations into ranges after sorting addresses as text, so D10 sorts
 * before D7 and the file gets overlapping ranges, which Excel repairs on opening. Ranges given
 * whole are written as they are; exceljs has that method but does not declare it.
 */
function validate(ws: Worksheet, cells: string[], rule: DataValidation): void {
  const list = (ws as unknown as { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations;
  for (const range of columnRuns(cells)) list.add(range, rule);
}

const BASE = { type: 'decimal' as const, allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const };

const RULES: Record<'money' | 'points' | 'rate' | 'grade', DataValidation> = {
  money: {
    ...BASE,
    operator: 'greaterThanOrEqual',
    formulae: [0],
    errorTitle: '金额（万元）',
    error: '请填写不小于 0 的金额（万元），不要带单位。 / An amount ≥ 0, in 万元, without a unit.',
  },
  points: {
    ...BASE,
    operator: 'between',
    formulae: [0, 100],
    errorTitle: '分值 / 得分',
    error: '请填写 0 到 100 之间的数字。 / A number from 0 to 100.',
  },
  rate: {
    ...BASE,
    operator: 'greaterThanOrEqual',
    formulae: [0],
    errorTitle: '执行率',
    error: '请填写不小于 0 的百分比，如 95%。 / A percentage ≥ 0, e.g. 95%.',
  },
  grade: {
    type: 'list',
    allowBlank: true,
    formulae: ['"优,良,中,差"'],
    showErrorMessage: true,
    errorTitle: '自评等级',
    error: '请选择 优、良、中 或 差。 / Choose 优, 良, 中 or 差.',
  },
};

function style(ws: Worksheet, layout: TemplateLayout): void {
  // Borders, alignment and bold come with the sketch (core's looks, as the pane inserts it); a file can also shade the headers and size the rows.
  for (const r of layout.headerRows) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.style = { ...cell.style, fill: HEADER_FILL };
    });
  }
  ws.getRow(layout.goalRow).height = 120;
  for (let r = layout.indicators.first; r <= layout.indicators.last; r++) ws.getRow(r).height = 30;

  validate(ws, layout.money, RULES.money);
  validate(ws, layout.points, RULES.points);
  validate(ws, [layout.rate], RULES.rate);
  validate(ws, [layout.grade], RULES.grade);

  ws.pageSetup = {
    ...ws.pageSetup,
    printArea: layout.area,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The blank form as a workbook of one sheet. */
export function templateWorkbook(type: TemplateType, opts: TemplateOptions = {}): Workbook {
  const layout = templateLayout(type, opts.year, opts.profile ?? NATIONAL);
  const wb = sketchToWorkbook([layout.sketch]);
  wb.creator = 'jixiao';
  style(wb.worksheets[0], layout);
  return wb;
}

/** The blank standard form as .xlsx bytes. */
export async function templateBytes(type: TemplateType, opts: TemplateOptions): Promise<Uint8Array> {
  return new Uint8Array((await templateWorkbook(type, opts).xlsx.writeBuffer()) as ArrayBuffer);
}
