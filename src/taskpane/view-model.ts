// What the pane shows, computed from the engine's reports without touching the DOM (tested in node).
import type { SheetReport } from '../core/report';
import { parseA1 } from '../core/text';
import type { Severity } from '../core/types';
import { DoorError } from '../door/errors';
import { READ_WINDOW, type Notice } from '../door/notices';
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

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Findings of every form, grouped by severity (errors first), each group in reading order. */
export function groupFindings(reports: SheetReport[], locale: Locale): FindingGroup[] {
  const all = reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]);
  const sheets = new Set(all.map((f) => f.sheet));
  const position = (cell: string): [number, number] => {
    const p = parseA1(cell);
    return p ? [p.row, p.col] : [0, 0];
  };
  return ORDER.map((severity) => {
    const items = all
      .filter((f) => f.severity === severity)
      .map((f) => ({ sheet: f.sheet, cell: f.cell, where: sheets.size > 1 ? `${f.sheet}!${f.cell}` : f.cell, code: f.code, message: f.message }))
      .sort((a, b) => {
        if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
        const [ra, ca] = position(a.cell);
        const [rb, cb] = position(b.cell);
        return ra - rb || ca - cb;
      });
    return { severity, title: `${t(locale, `severity.${severity}`)}（${items.length}）`, items };
  }).filter((g) => g.items.length > 0);
}

export function countBySeverity(reports: SheetReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of [...r.findings, ...r.forms.flatMap((x) => x.findings)]) counts[f.severity]++;
  return counts;
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
