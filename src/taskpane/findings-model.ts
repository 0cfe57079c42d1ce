// The findings list: grouped by severity (errors first), each group in reading order. A row that
// already stands in a more serious group is not listed again lower down: its lesser findings go
// with it as extra lines. Counts are always the engine's findings, so they match the status line.
import { compareAddresses, parseA1 } from '../core/address';
import { SEVERITIES, severityRank } from '../core/findings';
import { allFindings as everyFinding, type SheetReport } from '../core/report';
import type { Finding, Severity } from '../core/types';
import { t, type Locale } from './i18n';

export interface FindingItem {
  sheet: string;
  cell: string;
  /** "H19", or "Sheet!H19" when the findings span several sheets. */
  where: string;
  severity: Severity;
  code: string;
  message: string;
}

export interface FindingEntry extends FindingItem {
  /** Lesser findings of the same row, shown with this one instead of in their own group. */
  also: FindingItem[];
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  /** How many findings of this severity there are (including those shown with a graver row). */
  count: number;
  entries: FindingEntry[];
  /** How many of them are shown with a graver finding of their row. */
  folded: number;
}

/** Show every severity, or one. */
export type SeverityFilter = Severity | 'all';

/** Every finding of the reports that belongs to the form check (form.not-found is an empty state, not a problem). */
export function paneFindings(reports: SheetReport[]): Finding[] {
  return everyFinding(reports).filter((f) => f.code !== 'form.not-found');
}

function readingOrder(a: FindingItem, b: FindingItem): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return compareAddresses(a.cell, b.cell);
}

export function groupFindings(findings: Finding[], locale: Locale, filter: SeverityFilter = 'all'): FindingGroup[] {
  const sheets = new Set(findings.map((f) => f.sheet));
  const entries: FindingEntry[] = findings.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    where: sheets.size > 1 ? `${f.sheet}!${f.cell}` : f.cell,
    severity: f.severity,
    code: f.code,
    message: f.message,
    also: [],
  }));
  const rank = severityRank;
  const rowKey = (i: FindingItem): string => `${i.sheet}\u0000${parseA1(i.cell)?.row ?? 0}`;
  // The gravest finding of each row (the first in reading order among equals); with one severity
  // shown there is nothing to fold.
  const lead = new Map<string, FindingEntry>();
  if (filter === 'all') {
    for (const e of [...entries].sort((a, b) => rank(a.severity) - rank(b.severity) || readingOrder(a, b))) {
      if (!lead.has(rowKey(e))) lead.set(rowKey(e), e);
    }
  }
  const groups = SEVERITIES.filter((s) => filter === 'all' || filter === s).map((severity) => {
    const own = entries.filter((e) => e.severity === severity).sort(readingOrder);
    const shown: FindingEntry[] = [];
    for (const e of own) {
      const head = lead.get(rowKey(e));
      if (head && rank(head.severity) < rank(severity)) head.also.push(e);
      else shown.push(e);
    }
    return { severity, title: t(locale, `severity.${severity}`), count: own.length, entries: shown, folded: own.length - shown.length };
  });
  return groups.filter((g) => g.count > 0);
}
