// The finance bureau's review of many forms, as rows: one per form, the worst first, and every
// finding. The review workbook (review-book.ts) and the CSV (review-csv.ts) write these rows.
import Decimal from 'decimal.js';
import { bySeverity } from '../core/findings';
import { countBySeverity, hasErrors, sheetFindings, type FormReport, type SheetReport } from '../core/report';
import type { Finding, Severity } from '../core/types';

export interface ReviewFile {
  file: string;
  /** Why the file could not be read, or null. */
  error: string | null;
  sheets: SheetReport[];
}

export type Status = 'unreadable' | 'no-form' | 'errors' | 'warnings' | 'clean';

export interface SummaryRow {
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

export const STATUS_TEXT: Record<Status, string> = {
  unreadable: '无法读取 / unreadable',
  'no-form': '未找到自评表 / no form',
  errors: '有错误 / errors',
  warnings: '有警告 / warnings',
  clean: '通过 / clean',
};

export const SEVERITY_TEXT: Record<Severity, string> = {
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
export const SUMMARY_COLUMNS: [string, number, 'text' | 'percent' | 'score' | 'count'][] = [
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

export const FINDING_COLUMNS: [string, number][] = [
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

function count(findings: Finding[], severity: Severity): number {
  return countBySeverity(findings)[severity];
}

function statusOf(findings: Finding[]): Status {
  if (hasErrors(findings)) return 'errors';
  return count(findings, 'warning') > 0 ? 'warnings' : 'clean';
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
    errors: count(form.findings, 'error'),
    warnings: count(form.findings, 'warning'),
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
    errors: status === 'unreadable' ? 1 : count(findings, 'error'),
    warnings: count(findings, 'warning'),
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
export function summaryRows(files: ReviewFile[]): SummaryRow[] {
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
      for (const s of f.sheets)
        rows.push(blankRow(f.file, s.sheet, 'no-form', s.findings, bySeverity(s.findings).slice(0, 3).map(describe)));
    }
  }
  const order = rows.map((row, i) => ({ row, i }));
  order.sort(
    (a, b) =>
      STATUS_RANK[a.row.status] - STATUS_RANK[b.row.status] || b.row.errors - a.row.errors || b.row.warnings - a.row.warnings || a.i - b.i,
  );
  return order.map(({ row }) => row);
}

export function summaryValues(r: SummaryRow): (string | number | null)[] {
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

export function findingRows(files: ReviewFile[]): string[][] {
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
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').slice(0, 32767);
}
