// The finance bureau's review of many forms: one row per form, the worst first, and every finding.
// Everything that came from a form (names, units, messages) is written as text, never as a formula:
// a unit called "=HYPERLINK(…)" must not run in the reviewer's Excel (CSV injection, OWASP).
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { bySeverity } from '../core/findings';
import { countBySeverity, hasErrors, sheetFindings, type FormReport, type SheetReport } from '../core/report';
import type { Finding, Severity } from '../core/types';

export interface ReviewFile {
  file: string;
  /** Why the file could not be read, or null. */
  error: string | null;
  sheets: SheetReport[];
}

type Status = 'unreadable' | 'no-form' | 'errors' | 'warnings' | 'clean';

interface SummaryRow {
  file: string;
  sheet: string;
  unit: string;
  year: string;
  type: string;
  /** Fraction (1 = 100%), or null. */
  rate: number | null;
  enteredTotal: number | null;
  total: number | null;
  grade: string;
  errors: number;
  warnings: number;
  status: Status;
  worst: string[];
}

const STATUS_TEXT: Record<Status, string> = {
  unreadable: '无法读取 / unreadable',
  'no-form': '未找到自评表 / no form',
  errors: '有错误 / errors',
  warnings: '有警告 / warnings',
  clean: '通过 / clean',
};

const SEVERITY_TEXT: Record<Severity, string> = {
  error: '错误 / error',
  warning: '警告 / warning',
  info: '提示 / info',
};

const TYPE_TEXT: Record<FormReport['type'], string> = {
  department: '部门整体支出 / department',
  project: '项目支出 / project',
};

const STATUS_RANK: Record<Status, number> = { unreadable: 0, errors: 1, 'no-form': 2, warnings: 3, clean: 4 };

/** [header, width, kind]: text columns carry form text, the others the engine's figures. */
const SUMMARY_COLUMNS: [string, number, 'text' | 'percent' | 'score' | 'count'][] = [
  ['文件 / File', 36, 'text'],
  ['工作表 / Sheet', 16, 'text'],
  ['单位 / Unit', 28, 'text'],
  ['年度 / Year', 8, 'text'],
  ['类型 / Type', 20, 'text'],
  ['执行率 / Execution rate', 12, 'percent'],
  ['总分（填报）/ Total entered', 14, 'score'],
  ['总分（重算）/ Total recomputed', 14, 'score'],
  ['等级 / Grade', 8, 'text'],
  ['错误数 / Errors', 9, 'count'],
  ['警告数 / Warnings', 9, 'count'],
  ['状态 / Status', 18, 'text'],
  ['最严重问题 1 / Worst finding 1', 48, 'text'],
  ['最严重问题 2 / Worst finding 2', 48, 'text'],
  ['最严重问题 3 / Worst finding 3', 48, 'text'],
];

const FINDING_COLUMNS: [string, number][] = [
  ['文件 / File', 36],
  ['工作表 / Sheet', 16],
  ['单元格 / Cell', 9],
  ['代码 / Code', 26],
  ['严重程度 / Severity', 14],
  ['说明 / Message', 90],
];

/** The unreadable-file pseudo finding, so that the findings sheet accounts for every file. */
const UNREADABLE_CODE = 'file.unreadable';

function describe(f: Finding): string {
  return `[${SEVERITY_TEXT[f.severity].split(' ')[0]}] ${f.cell} ${f.code}：${f.message}`;
}

function figure(text: string | null | undefined, percent = false): number | null {
  if (text === null || text === undefined) return null;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const d = new Decimal(m[1]);
  return (percent || m[2] === '%' ? d.div(100) : d).toNumber();
}

function statusOf(findings: Finding[]): Status {
  if (hasErrors(findings)) return 'errors';
  return countBySeverity(findings).warning > 0 ? 'warnings' : 'clean';
}

function formRow(file: string, form: FormReport): SummaryRow {
  return {
    file,
    sheet: form.sheet,
    unit: form.unit ?? '',
    year: form.year ?? '',
    type: TYPE_TEXT[form.type],
    rate: figure(form.budget?.rate, true),
    enteredTotal: figure(form.total?.enteredScore),
    total: figure(form.total?.score),
    grade: form.grade ?? '',
    errors: countBySeverity(form.findings).error,
    warnings: countBySeverity(form.findings).warning,
    status: statusOf(form.findings),
    worst: bySeverity(form.findings).slice(0, 3).map(describe),
  };
}

function blankRow(file: string, sheet: string, status: Status, findings: Finding[], worst: string[]): SummaryRow {
  return {
    file,
    sheet,
    unit: '',
    year: '',
    type: '',
    rate: null,
    enteredTotal: null,
    total: null,
    grade: '',
    errors: status === 'unreadable' ? 1 : countBySeverity(findings).error,
    warnings: countBySeverity(findings).warning,
    status,
    worst,
  };
}

/**
 * One row per form. A file that could not be read is one row with its error; a file in which no
 * sheet holds a form gets a row per sheet saying so. Sheets without a form beside sheets with one
 * (a cover page, a notes sheet) get no row of their own; their findings are on the second sheet.
 * The worst come first: unreadable files, then by errors and warnings, then by file and sheet.
 */
function summaryRows(files: ReviewFile[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const f of files) {
    if (f.error !== null) {
      rows.push(blankRow(f.file, '', 'unreadable', [], [`[错误] ${f.error}`]));
      continue;
    }
    const forms = f.sheets.flatMap((s) => s.forms);
    if (forms.length > 0) {
      for (const form of forms) rows.push(formRow(f.file, form));
    } else if (f.sheets.length === 0) {
      rows.push(blankRow(f.file, '', 'no-form', [], ['[错误] 工作簿中没有工作表 / the workbook has no sheets']));
    } else {
      for (const s of f.sheets) rows.push(blankRow(f.file, s.sheet, 'no-form', s.findings, bySeverity(s.findings).slice(0, 3).map(describe)));
    }
  }
  const order = rows.map((row, i) => ({ row, i }));
  order.sort(
    (a, b) =>
      STATUS_RANK[a.row.status] - STATUS_RANK[b.row.status] ||
      b.row.errors - a.row.errors ||
      b.row.warnings - a.row.warnings ||
      a.i - b.i,
  );
  return order.map(({ row }) => row);
}

function summaryValues(r: SummaryRow): (string | number | null)[] {
  return [
    r.file,
    r.sheet,
    r.unit,
    r.year,
    r.type,
    r.rate,
    r.enteredTotal,
    r.total,
    r.grade,
    r.errors,
    r.warnings,
    STATUS_TEXT[r.status],
    r.worst[0] ?? '',
    r.worst[1] ?? '',
    r.worst[2] ?? '',
  ];
}

function findingRows(files: ReviewFile[]): string[][] {
  const out: string[][] = [];
  for (const f of files) {
    if (f.error !== null) {
      out.push([f.file, '', '', UNREADABLE_CODE, SEVERITY_TEXT.error, f.error]);
      continue;
    }
    for (const s of f.sheets) {
      for (const x of sheetFindings(s)) out.push([f.file, x.sheet, x.cell, x.code, SEVERITY_TEXT[x.severity], x.message]);
    }
  }
  return out;
}

// Characters XML 1.0 cannot hold would make the workbook unreadable; Excel keeps 32,767 per cell.
function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').slice(0, 32767);
}

function textCell(cell: ExcelJS.Cell, text: string): void {
  // A plain string value is stored as a shared string; exceljs makes a formula only from { formula }.
  cell.value = safeText(text);
  cell.numFmt = '@';
}

function headerRow(sheet: ExcelJS.Worksheet, headers: [string, number][]): void {
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 32;
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** The filter covers every written row, so sorting from its buttons moves whole rows. */
function filterAll(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns } };
}

/** Write the review workbook: 汇总 (one row per form) and 问题清单 (every finding). */
export async function writeReviewWorkbook(files: ReviewFile[], outPath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = new Date();

  const summary = wb.addWorksheet('汇总 Summary');
  headerRow(
    summary,
    SUMMARY_COLUMNS.map(([h, w]) => [h, w]),
  );
  summaryRows(files).forEach((r, i) => {
    const row = summary.getRow(i + 2);
    summaryValues(r).forEach((v, k) => {
      const cell = row.getCell(k + 1);
      const kind = SUMMARY_COLUMNS[k][2];
      if (kind === 'text') {
        textCell(cell, typeof v === 'string' ? v : '');
      } else if (typeof v === 'number') {
        cell.value = v;
        cell.numFmt = kind === 'percent' ? '0.00%' : kind === 'score' ? '0.00' : '0';
      }
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.status === 'unreadable' || r.status === 'errors') {
      row.getCell(12).font = { color: { argb: 'FFC00000' }, bold: true };
    }
  });

  filterAll(summary, SUMMARY_COLUMNS.length);

  const details = wb.addWorksheet('问题清单 Findings');
  headerRow(details, FINDING_COLUMNS);
  findingRows(files).forEach((values, i) => {
    const row = details.getRow(i + 2);
    values.forEach((v, k) => textCell(row.getCell(k + 1), v));
    row.alignment = { vertical: 'top', wrapText: true };
  });
  filterAll(details, FINDING_COLUMNS.length);

  await wb.xlsx.writeFile(outPath);
}

/** A CSV field: text from a form that a spreadsheet would run as a formula is prefixed with '. */
function csvField(value: string | number | null, fromForm: boolean): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : safeText(value);
  if (fromForm && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The summary sheet as CSV: UTF-8 with a BOM (so Excel reads the Chinese), RFC 4180 quoting, CRLF. */
export function reviewCsv(files: ReviewFile[]): string {
  const lines = [SUMMARY_COLUMNS.map(([h]) => csvField(h, false)).join(',')];
  for (const r of summaryRows(files)) {
    const values = summaryValues(r);
    // The rate is written as the person reads it (100.00%), the scores with their two decimals.
    const shown = values.map((v, k) => {
      const kind = SUMMARY_COLUMNS[k][2];
      if (typeof v !== 'number') return csvField(v, kind === 'text');
      if (kind === 'percent') return csvField(`${new Decimal(v).times(100).toFixed(2)}%`, false);
      return csvField(kind === 'score' ? new Decimal(v).toFixed(2) : v, false);
    });
    lines.push(shown.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
