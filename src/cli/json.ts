// The stable --json shape of cli.md, built from the engine's reports.
import { allFindings, countBySeverity, type FormReport, type IndicatorKind } from '../core/report';
import { cellText } from '../core/text';
import type { CellPatch, Finding, Severity } from '../core/types';
import type { ReviewFile } from '../xlsx/review';

export interface JsonFinding {
  code: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

export interface JsonForm {
  sheet: string;
  type: FormReport['type'];
  budget: {
    cell: string;
    planned: string | null;
    executed: string | null;
    rate: string | null;
    weight: string | null;
    score: string | null;
    enteredScore: string | null;
  } | null;
  indicators: {
    row: number;
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    kind: IndicatorKind;
    inferred: boolean;
    met: boolean | null;
    weight: string | null;
    enteredScore: string | null;
    score: string | null;
    scoreCell: string;
    judgement: boolean;
  }[];
  total: { cell: string; weight: string; score: string; enteredScore: string | null } | null;
  grade: string | null;
  findings: JsonFinding[];
  writes: { cell: string; old: string; new: string }[];
}

export interface JsonFile {
  file: string;
  error: string | null;
  forms: JsonForm[];
  /** Findings of a sheet on which no form was found (form.not-found); an addition to cli.md's shape. */
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

function jsonFinding(f: Finding): JsonFinding {
  return { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message };
}

/** What a write puts in the cell, as the person will see it. */
export function writeText(p: CellPatch): string {
  if (p.text !== undefined) return p.text;
  return p.set.formula ?? cellText(p.set.value);
}

export function jsonWrite(p: CellPatch): { cell: string; old: string; new: string } {
  return { cell: p.cell, old: p.before.formula ?? cellText(p.before.value), new: writeText(p) };
}

export function jsonForm(f: FormReport): JsonForm {
  const b = f.budget;
  return {
    sheet: f.sheet,
    type: f.type,
    budget: b && {
      cell: b.cell,
      planned: b.planned,
      executed: b.executed,
      rate: b.rate,
      weight: b.weight,
      score: b.score,
      enteredScore: b.enteredScore,
    },
    indicators: f.indicators.map((i) => ({
      row: i.row,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      kind: i.kind,
      inferred: i.inferred,
      met: i.met,
      weight: i.weight,
      enteredScore: i.enteredScore,
      score: i.score,
      scoreCell: i.scoreCell,
      judgement: i.judgement,
    })),
    total: f.total && { cell: f.total.cell, weight: f.total.weight, score: f.total.score, enteredScore: f.total.enteredScore },
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
