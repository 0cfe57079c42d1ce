// What the pane shows, computed from the engine's reports without touching the DOM (tested in node).
import { compareAddresses } from '../core/address';
import { SEVERITIES } from '../core/findings';
import { allFindings, countBySeverity as countFindings, type SheetReport } from '../core/report';
import type { Severity } from '../core/types';
import { READ_WINDOW, type Notice } from '../excel/capabilities';
import { DoorError } from '../excel/errors';
import { t, type Locale } from './i18n';

export interface FindingItem {
  sheet: string;
  cell: string;
  /** "H19", or "Sheet!H19" when the findings span several sheets. */
  where: string;
  code: string;
  message: string;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  items: FindingItem[];
}

/** Findings of every form, grouped by severity (errors first), each group in reading order. */
export function groupFindings(reports: SheetReport[], locale: Locale): FindingGroup[] {
  const all = allFindings(reports);
  const sheets = new Set(all.map((f) => f.sheet));
  return SEVERITIES.map((severity) => {
    const items = all
      .filter((f) => f.severity === severity)
      .map((f) => ({ sheet: f.sheet, cell: f.cell, where: sheets.size > 1 ? `${f.sheet}!${f.cell}` : f.cell, code: f.code, message: f.message }))
      .sort((a, b) => (a.sheet !== b.sheet ? (a.sheet < b.sheet ? -1 : 1) : compareAddresses(a.cell, b.cell)));
    return { severity, title: `${t(locale, `severity.${severity}`)}（${items.length}）`, items };
  }).filter((g) => g.items.length > 0);
}

export function countBySeverity(reports: SheetReport[]): Record<Severity, number> {
  return countFindings(allFindings(reports));
}

export interface LevelBar {
  name: string;
  score: string;
  weight: string;
  /** Score over weight, 0 to 1, for the bar's width. */
  ratio: number;
  text: string;
}

export interface FormSummary {
  title: string;
  rate: string | null;
  total: string | null;
  /** The total's full marks (normally 100). */
  totalWeight: string | null;
  grade: string | null;
  levels: LevelBar[];
}

export function summarize(reports: SheetReport[], locale: Locale): FormSummary[] {
  return reports.flatMap((r) =>
    r.forms.map((f) => ({
      title: f.unit ?? f.sheet,
      rate: f.budget?.rate ?? null,
      total: f.total?.score ?? null,
      totalWeight: f.total?.weight ?? null,
      grade: f.grade,
      levels: f.levels.map((l) => {
        const score = Number(l.score);
        const weight = Number(l.weight);
        const ratio = weight > 0 && Number.isFinite(score) ? Math.min(1, Math.max(0, score / weight)) : 0;
        return { name: l.name, score: l.score, weight: l.weight, ratio, text: t(locale, 'levelScore', { score: l.score, weight: l.weight }) };
      }),
    })),
  );
}

export function noticeText(locale: Locale, notice: Notice): string {
  return t(locale, `notice.${notice}`, READ_WINDOW);
}

/** A failure as one short sentence for the person. */
export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof DoorError) return t(locale, `error.${error.kind}`, { detail: error.message });
  return t(locale, 'error.api', { detail: error instanceof Error ? error.message : String(error) });
}
