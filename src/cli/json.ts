// The stable --json shape (docs/cli.md), derived from the engine's report types: each object is
// the engine's own type narrowed to the fields the contract names, so a renamed or retyped field
// in the engine fails to compile here instead of silently changing what tools read.
import { allFindings, countBySeverity, type BudgetReport, type FormReport, type IndicatorReport, type TotalReport } from '../core/report';
import { cellText } from '../core/text';
import type { CellPatch, Finding } from '../core/types';
import type { ReviewFile } from '../xlsx/review-rows';

const FINDING_KEYS = ['code', 'severity', 'sheet', 'cell', 'message'] as const;
const BUDGET_KEYS = ['cell', 'planned', 'executed', 'rate', 'weight', 'score', 'enteredScore'] as const;
const INDICATOR_KEYS = [
  'row',
  'level1',
  'level2',
  'name',
  'target',
  'actual',
  'kind',
  'inferred',
  'met',
  'weight',
  'enteredScore',
  'score',
  'scoreCell',
  'judgement',
] as const;
const TOTAL_KEYS = ['cell', 'weight', 'score', 'enteredScore'] as const;

export type JsonFinding = Pick<Finding, (typeof FINDING_KEYS)[number]>;
export type JsonBudget = Pick<BudgetReport, (typeof BUDGET_KEYS)[number]>;
export type JsonIndicator = Pick<IndicatorReport, (typeof INDICATOR_KEYS)[number]>;
export type JsonTotal = Pick<TotalReport, (typeof TOTAL_KEYS)[number]>;

export interface JsonWrite {
  cell: string;
  old: string;
  new: string;
}

export interface JsonForm extends Pick<FormReport, 'sheet' | 'type' | 'layout' | 'scoring' | 'grade'> {
  budget: JsonBudget | null;
  indicators: JsonIndicator[];
  total: JsonTotal | null;
  findings: JsonFinding[];
  writes: JsonWrite[];
}

export interface JsonFile {
  file: string;
  error: string | null;
  forms: JsonForm[];
  /** Findings of a sheet on which no form was found (form.not-found). */
  findings: JsonFinding[];
}

export interface JsonSummary {
  files: number;
  forms: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface JsonReport {
  files: JsonFile[];
  summary: JsonSummary;
}

/** The named fields of an object, in the contract's order. */
function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = from[k];
  return out;
}

function jsonFinding(f: Finding): JsonFinding {
  return pick(f, FINDING_KEYS);
}

/** What a write puts in the cell, as the person will see it. */
export function writeText(p: CellPatch): string {
  if (p.text !== undefined) return p.text;
  return p.set.formula ?? cellText(p.set.value);
}

export function jsonWrite(p: CellPatch): JsonWrite {
  return { cell: p.cell, old: p.before.formula ?? cellText(p.before.value), new: writeText(p) };
}

export function jsonForm(f: FormReport): JsonForm {
  return {
    sheet: f.sheet,
    type: f.type,
    layout: f.layout,
    scoring: f.scoring,
    budget: f.budget && pick(f.budget, BUDGET_KEYS),
    indicators: f.indicators.map((i) => pick(i, INDICATOR_KEYS)),
    total: f.total && pick(f.total, TOTAL_KEYS),
    grade: f.grade,
    findings: f.findings.map(jsonFinding),
    writes: f.writes.map(jsonWrite),
  };
}

export function summarize(files: ReviewFile[]): JsonSummary {
  const s: JsonSummary = { files: files.length, forms: 0, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    // A file that cannot be read counts as one error of that file.
    if (f.error !== null) s.errors++;
    s.forms += f.sheets.reduce((n, sh) => n + sh.forms.length, 0);
    const counts = countBySeverity(allFindings(f.sheets));
    s.errors += counts.error;
    s.warnings += counts.warning;
    s.infos += counts.info;
  }
  return s;
}

export function jsonReport(files: ReviewFile[]): JsonReport {
  return {
    files: files.map((f) => ({
      file: f.file,
      error: f.error,
      forms: f.sheets.flatMap((s) => s.forms.map(jsonForm)),
      findings: f.sheets.flatMap((s) => s.findings.map(jsonFinding)),
    })),
    summary: summarize(files),
  };
}
