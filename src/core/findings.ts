// The stable finding codes (docs/rules.md), their severities, and how a finding is made.
import { compareAddresses, parseA1 } from './address';
import type { Finding, Severity } from './types';

export const SEVERITY = {
  'budget.no-budget': 'warning',
  'budget.over-executed': 'warning',
  'budget.breakdown-mismatch': 'error',
  'budget.low-execution': 'warning',
  'budget.rate-mismatch': 'warning',
  'budget.rate-missing': 'warning',
  'budget.adjusted': 'info',
  'score.over-max': 'error',
  'score.negative': 'error',
  'score.missing': 'error',
  'score.mismatch': 'warning',
  'score.out-of-band': 'error',
  'score.deducted': 'info',
  'indicator.missing-actual': 'error',
  'indicator.missing-target': 'warning',
  'indicator.unmet': 'info',
  'indicator.unit-mismatch': 'warning',
  'indicator.over-achieved': 'info',
  'indicator.wrong-direction': 'warning',
  'indicator.unparsed': 'warning',
  'indicator.equal-missed': 'warning',
  'deviation.missing': 'error',
  'deviation.boilerplate': 'error',
  'deviation.contradiction': 'warning',
  'weight.missing': 'error',
  'weight.negative': 'error',
  'weight.level-mismatch': 'error',
  'weight.total': 'error',
  'weight.nonstandard': 'info',
  'total.mismatch': 'error',
  'total.missing': 'warning',
  'total.capped': 'info',
  'grade.mismatch': 'error',
  'number.text': 'warning',
  'number.invalid': 'error',
  'formula.error': 'error',
  'formula.kept': 'info',
  'goal.missing': 'warning',
  'form.not-found': 'error',
  'form.unreadable': 'error',
  'form.unknown-column': 'warning',
  'form.unscored': 'warning',
  'form.not-scored': 'info',
  'form.unchecked': 'info',
  'text.too-long': 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof SEVERITY;

/**
 * A finding with its catalogued severity, or with `severity` where the rule itself says when the
 * same code is graver (budget.no-budget is an error once money was spent).
 */
export function finding(code: FindingCode, sheet: string, cell: string, message: string, severity: Severity = SEVERITY[code]): Finding {
  return { code, severity, sheet, cell, message };
}

/** The severities, gravest first: the order findings are listed and counted in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** 0 for an error, 1 for a warning, 2 for information. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Errors first, then warnings, then information; within each, in reading order (row, then column). */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || compareAddresses(a.cell, b.cell);
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Each address parsed once: a form of many thousand rows has as many findings.
  const keyed = findings.map((f) => ({ f, rank: severityRank(f.severity), at: parseA1(f.cell) }));
  keyed.sort((a, b) => a.rank - b.rank || (a.at && b.at ? a.at.row - b.at.row || a.at.col - b.at.col : (a.at ? 1 : 0) - (b.at ? 1 : 0)));
  return keyed.map((k) => k.f);
}

/** Errors first, then warnings, then information, each kept in the order given. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
