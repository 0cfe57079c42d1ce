// What an action did, in words: the cells a recompute wrote (old → new) and what it left alone and
// why. Pure: tested in Node.
import type { SheetReport } from '../core/report';
import type { CellPatch, CellState, PatchReason } from '../core/types';
import { t, type Locale, type MessageKey } from './i18n';

export interface WrittenItem {
  sheet: string;
  cell: string;
  /** "H19", or "Sheet!H19" when several sheets were written. */
  where: string;
  /** What the cell is: 执行率, 得分, 总分… */
  what: string;
  before: string;
  after: string;
}

export interface LeftAlone {
  /** Cells holding formulas the recompute did not replace. */
  formulas: string[];
  /** Indicator rows whose score the rules cannot give until their data is complete or corrected. */
  blocked: number;
  /** The execution rate cannot be computed (no budget figure). */
  rateBlocked: boolean;
}

const WHAT: Record<PatchReason, MessageKey> = {
  rate: 'rate',
  'budget-score': 'budgetScore',
  score: 'score',
  'total-weight': 'totalWeight',
  'total-score': 'total',
  grade: 'grade',
  mark: 'score',
  restore: 'score',
};

/** A cell's old content as the person saw it, roughly: numbers under a percentage format as percentages. */
export function shownBefore(state: CellState, locale: Locale): string {
  const v = state.value;
  if (v === null || v === '') return t(locale, 'emptyCell');
  if (typeof v === 'number') {
    if ((state.numberFormat ?? '').includes('%')) return `${Number((v * 100).toPrecision(12))}%`;
    return String(Number(v.toPrecision(12)));
  }
  return String(v);
}

export function writtenItems(written: CellPatch[], locale: Locale): WrittenItem[] {
  const sheets = new Set(written.map((p) => p.sheet));
  return written.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    where: sheets.size > 1 ? `${p.sheet}!${p.cell}` : p.cell,
    what: t(locale, WHAT[p.reason]),
    before: shownBefore(p.before, locale),
    after: p.text ?? shownBefore({ value: p.set.value ?? null, numberFormat: p.set.numberFormat }, locale),
  }));
}

/** What a recompute of these reports leaves unwritten, and why. */
export function leftAlone(reports: SheetReport[]): LeftAlone {
  const forms = reports.flatMap((r) => r.forms);
  return {
    formulas: forms.flatMap((f) => f.findings.filter((x) => x.code === 'formula.kept').map((x) => x.cell)),
    blocked: forms.reduce((n, f) => n + f.indicators.filter((i) => i.kind === 'unknown' || i.score === null).length, 0),
    rateBlocked: forms.some((f) => f.budget !== null && f.budget.rate === null),
  };
}

/** Sentences joined as each language writes them: no space after a Chinese full stop. */
export function sentences(locale: Locale, parts: (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p !== '').join(locale === 'zh' ? '' : ' ');
}

/** The recompute's outcome in words: written or not, what was left alone and why, and whether it took in what the person had just typed. */
export function recomputeText(locale: Locale, written: number, alone: LeftAlone, typed: boolean): string {
  const reasons: string[] = [];
  if (alone.formulas.length > 0)
    reasons.push(t(locale, 'keptFormulas', { n: alone.formulas.length, cells: alone.formulas.slice(0, 3).join('、') }));
  if (alone.blocked > 0) reasons.push(t(locale, 'blockedRows', { n: alone.blocked }));
  if (alone.rateBlocked) reasons.push(t(locale, 'blockedRate'));
  const lead =
    written > 0 ? t(locale, 'recomputed', { n: written }) : reasons.length > 0 ? t(locale, 'nothingWritten') : t(locale, 'upToDate');
  return sentences(locale, [
    typed ? t(locale, 'typedCommitted') : null,
    lead,
    reasons.length > 0 ? t(locale, 'notWritten', { reasons: reasons.join(locale === 'zh' ? '；' : '; ') }) : null,
  ]);
}
