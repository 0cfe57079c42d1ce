// Reading a target or an actual as written in a form: comparator, number(s), unit and shape
// (docs/rules.md "Reading a target and an actual"). Scoring what is read is verdict.ts's job.
import Decimal from 'decimal.js';
import { comparatorAfter, comparatorBefore, type Comparator } from './comparator';
import { unitAt } from './measure-unit';

/** One number of a target or an actual, with what was written around it. */
export interface MeasurePart {
  /** The words before the number, comparator and verbs removed (matches the parts of a compound). */
  label: string;
  comparator: Comparator | null;
  /** The comparator as written ("达到", "≥", "以上"). */
  comparatorWord: string | null;
  value: Decimal;
  unit: string;
  /** Written with an explicit + or − sign. */
  signed: boolean;
}

export type Direction = 'up' | 'down';

export type Measure =
  | { type: 'empty' }
  /** `reason` is plain Chinese. */
  | { type: 'invalid'; reason: string }
  /** No number: a qualitative text. */
  | { type: 'text'; text: string }
  | { type: 'number'; part: MeasurePart }
  | { type: 'compound'; parts: MeasurePart[] }
  /** 下降 15%, 上升 9.11%, or a bare 下降 (part null). */
  | { type: 'change'; direction: Direction; part: MeasurePart | null };

const UP_WORDS = '上升|增长|提高|增加|提升|上涨';
const DOWN_WORDS = '下降|降低|减少|减小|下滑|回落|压减|压降|缩减';
/** "提高至 95%" names a level, not a change. */
const LEVEL_UP = new RegExp(`(?:${UP_WORDS})(?:至|到)`, 'g');
const LEVEL_DOWN = new RegExp(`(?:${DOWN_WORDS}|降)(?:至|到)`, 'g');
/** A change word, unless negated ("不下降") or naming a rate ("增长率"). */
const CHANGE = new RegExp(`(不|未|无|没有)?(${UP_WORDS}|${DOWN_WORDS})(率|值)?`, 'g');
const UP = new RegExp(`^(?:${UP_WORDS})$`);

const SEPARATORS = [',', ';', '、', '/', '|', '。'];
const VERBS = /^(?:完成|实现|累计|共计|共|约)+|(?:为|达|约)+$/g;
/** "12月底前", "6月30日": a deadline, read as text. */
const DATE = /\d+月(?:\d+日|底|末|前|中|初|上旬|中旬|下旬)/;
const RANGE = /\d[%‰]?(?:-|~|—|至|到)[+-]?\d/;
const NUMBER = /(?<![\d.])([+-]?)(\d+(?:\.\d+)?)/g;
const MAX_PARTS = 20;

/** NFKC, no white space, no thousands separators, no years; or why the text cannot be read. */
function normalise(raw: string): { text: string } | { invalid: string } {
  // The full-width comma lists items ("5 个，30 个"); only an ASCII comma can group thousands.
  const nfkc = raw.replace(/，/g, ';').normalize('NFKC');
  if (/\d[.,]?\s+[.,]?\d/.test(nfkc)) return { invalid: `“${raw.trim()}”的数字中间有空格，无法确定是哪个数` };
  const text = nfkc
    .replace(/\s+/g, '')
    .replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)/g, (m) => m.replace(/,/g, ''))
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/\(含\)/g, '')
    .replace(LEVEL_UP, '≥')
    .replace(LEVEL_DOWN, '≤');
  if (RANGE.test(text)) return { invalid: `“${raw.trim()}”是一个区间，请写成一个指标值` };
  return { text };
}

function cutAfterSeparator(gap: string): string {
  const at = Math.max(...SEPARATORS.map((sep) => gap.lastIndexOf(sep)));
  return at >= 0 ? gap.slice(at + 1) : gap;
}

function readParts(text: string): MeasurePart[] {
  const parts: MeasurePart[] = [];
  let cursor = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    let gap = text.slice(cursor, start);
    const previous = parts[parts.length - 1];
    if (previous) {
      const after = comparatorAfter(gap);
      if (after.found && previous.comparator === null) {
        previous.comparator = after.found.comparator;
        previous.comparatorWord = after.found.word;
      }
      gap = cutAfterSeparator(gap.slice(after.length));
    }
    const before = comparatorBefore(gap);
    const numberEnd = start + m[0].length;
    const unit = unitAt(text.slice(numberEnd));
    const value = new Decimal(m[2]);
    parts.push({
      label: before.rest.replace(/[:()]/g, '').replace(VERBS, ''),
      comparator: before.found?.comparator ?? null,
      comparatorWord: before.found?.word ?? null,
      value: m[1] === '-' ? value.neg() : value,
      unit,
      signed: m[1] !== '',
    });
    cursor = numberEnd + unit.length;
  }
  const last = parts[parts.length - 1];
  if (last && last.comparator === null) {
    const after = comparatorAfter(text.slice(cursor));
    if (after.found) {
      last.comparator = after.found.comparator;
      last.comparatorWord = after.found.word;
    }
  }
  return parts;
}

function changeDirection(text: string): Direction | null {
  for (const m of text.matchAll(CHANGE)) {
    if (m[1] === undefined && m[3] === undefined) return UP.test(m[2]) ? 'up' : 'down';
  }
  return null;
}

/** Read a target or an actual: comparator, number(s), unit and shape (docs/rules.md "Reading a target and an actual"). */
export function parseMeasure(raw: string): Measure {
  if (raw.trim() === '') return { type: 'empty' };
  const normal = normalise(raw);
  if ('invalid' in normal) return { type: 'invalid', reason: normal.invalid };
  const text = normal.text;
  if (DATE.test(text)) return { type: 'text', text };
  const parts = readParts(text);
  // A real target lists a handful of numbers; a cell with dozens is prose, and pairing them would be slow.
  if (parts.length > MAX_PARTS) return { type: 'invalid', reason: `“${raw.trim().slice(0, 20)}…”含有过多数字，无法判断` };
  const direction = changeDirection(text);
  if (direction) {
    if (parts.length > 1) return { type: 'invalid', reason: `“${raw.trim()}”含有多个数字，无法确定变化幅度` };
    return { type: 'change', direction, part: parts[0] ?? null };
  }
  if (parts.length === 0) return { type: 'text', text };
  if (parts.length === 1) return { type: 'number', part: parts[0] };
  return { type: 'compound', parts };
}
