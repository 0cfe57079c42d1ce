// The stable finding codes (rules.md), their severities, and how a finding is made.
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
  'grade.mismatch': 'error',
  'number.text': 'warning',
  'number.invalid': 'error',
  'formula.error': 'error',
  'formula.kept': 'info',
  'goal.missing': 'warning',
  'form.not-found': 'error',
  'form.unreadable': 'error',
  'form.unknown-column': 'warning',
  'text.too-long': 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof SEVERITY;

export function finding(code: FindingCode, sheet: string, cell: string, message: string): Finding {
  return { code, severity: SEVERITY[code], sheet, cell, message };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; within each, in sheet order (row, then column). */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || cellOrder(a.cell) - cellOrder(b.cell));
}

function cellOrder(address: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}
