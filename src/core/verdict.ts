// One indicator row's verdict: whether its actual meets its target and the score the rules give
// it (docs/rules.md "Indicators"). The evaluator (indicators.ts) adds entered scores, findings and totals.
import Decimal from 'decimal.js';
import { boundSatisfies, type Comparator } from './comparator';
import { atMostFull, FULL, meanShare, NONE, scoreOf, share, sharePercent, type Share } from './exact';
import { parseMeasure, type Direction, type Measure, type MeasurePart } from './measure';
import { matchUnit } from './measure-unit';
import type { Profile } from './profile';
import { gradeBand, gradeQualitative } from './qualitative';
import type { IndicatorKind } from './report';
import { labelKey } from './text';

export interface IndicatorInput {
  /** 年度指标值 as typed (joined by the reader when split over 指标性质 | 指标值 | 度量单位). */
  target: string;
  /** 实际完成值 as typed ('' when empty). */
  actual: string;
  /** 分值. */
  weight: Decimal;
  /** 二级指标 label: under 成本指标 a bare number is reverse. */
  level2: string;
}

export type VerdictNoteCode =
  'indicator.unit-mismatch' | 'indicator.over-achieved' | 'indicator.wrong-direction' | 'indicator.unparsed' | 'indicator.equal-missed';

export interface VerdictNote {
  code: VerdictNoteCode;
  /** Short plain Chinese. */
  detail: string;
}

export interface IndicatorVerdict {
  kind: IndicatorKind;
  /** The kind was inferred: a bare number (positive, or reverse under 成本指标) or a bare 0 (reverse). */
  inferred: boolean;
  /** null when the actual cannot be read as the target's kind. */
  met: boolean | null;
  /** The rule-determined score, or the suggested one for a judgement; 2 decimals; null when unknown. */
  score: Decimal | null;
  /** The share of the weight the rule gives, unrounded (a 得分系数); null for a graded qualitative row. */
  fraction: Share | null;
  /** A positive target's actual as a share of it (B ÷ A); null for other kinds. */
  reached: Share | null;
  /** The person may keep their own score inside `band`. */
  judgement: boolean;
  band: { low: Decimal; high: Decimal } | null;
  grade?: '达成' | '部分达成' | '未达成';
  notes: VerdictNote[];
}

const ZERO = new Decimal(0);

type NumberKind = 'positive' | 'reverse' | 'equal';

interface Outcome {
  met: boolean;
  /** The share of the weight earned, 0 to 1. */
  fraction: Share;
}

/** Score a number against a target number (docs/rules.md "Quantitative scores"). */
function scoreNumber(kind: NumberKind, strict: boolean, a: Decimal, b: Decimal, profile: Profile): Outcome {
  if (kind === 'positive') {
    if (strict ? b.gt(a) : b.gte(a)) return { met: true, fraction: FULL };
    return { met: false, fraction: a.lte(0) ? NONE : atMostFull(share(Decimal.max(b, ZERO), a)) };
  }
  if (kind === 'reverse') {
    if (strict ? b.lt(a) : b.lte(a)) return { met: true, fraction: FULL };
    if (a.lte(0)) return { met: false, fraction: NONE };
    // ratio: A/B; linear: 2 − B/A = (2A − B)/A, never below 0.
    const fraction = profile.reverseMiss === 'ratio' ? share(a, b) : share(Decimal.max(ZERO, a.times(2).minus(b)), a);
    return { met: false, fraction: atMostFull(fraction) };
  }
  if (b.eq(a)) return { met: true, fraction: FULL };
  return scoreNumber(b.lt(a) ? 'positive' : 'reverse', false, a, b, profile);
}

function kindOf(comparator: Comparator | null): NumberKind | null {
  if (comparator === 'ge' || comparator === 'gt') return 'positive';
  if (comparator === 'le' || comparator === 'lt') return 'reverse';
  if (comparator === 'eq') return 'equal';
  return null;
}

/** A target number's kind, and whether it was inferred: bare numbers are positive, reverse under 成本指标 or when 0. */
function numberKind(part: MeasurePart, level2: string): { kind: NumberKind; inferred: boolean } {
  const stated = kindOf(part.comparator);
  if (stated) return { kind: stated, inferred: false };
  const reverse = labelKey(level2).includes('成本') || part.value.isZero();
  return { kind: reverse ? 'reverse' : 'positive', inferred: true };
}

/** The comparator a kind implies, for an inferred target. */
function impliedComparator(kind: NumberKind): Comparator {
  return kind === 'positive' ? 'ge' : kind === 'reverse' ? 'le' : 'eq';
}

/** Words an actual uses for a plain value rather than a bound. */
const EXACT_WORDS = new Set(['达到', '等于', '=', '═']);

function isBound(part: MeasurePart): part is MeasurePart & { comparator: Comparator } {
  return part.comparator !== null && part.comparator !== 'eq' && !EXACT_WORDS.has(part.comparatorWord ?? '');
}

/** An actual that says nothing happened counts as 0 against a number. */
const NOTHING = new Set(['无', '没有', '未发生', '无发生', '零', '未出现', '无此类情况']);

function actualPart(measure: Measure, target: MeasurePart): MeasurePart | null {
  if (measure.type === 'number') return measure.part;
  if (measure.type === 'compound' && target.unit !== '') {
    // "9580 份（完成率 95.8%）": the one number in the target's unit is the actual.
    const inUnit = measure.parts.filter((p) => p.unit !== '' && matchUnit(p.value, p.unit, target.unit).same);
    if (inUnit.length === 1) return inUnit[0];
  }
  if (measure.type === 'text' && NOTHING.has(measure.text)) {
    return { label: '', comparator: null, comparatorWord: null, value: ZERO, unit: '', signed: false };
  }
  return null;
}

function show(part: MeasurePart): string {
  return `${part.value.toString()}${part.unit}`;
}

interface Draft {
  kind: IndicatorKind;
  inferred: boolean;
  met: boolean | null;
  fraction: Share | null;
  judgement: boolean;
  notes: VerdictNote[];
  reached?: Share;
}

function finish(draft: Draft, weight: Decimal): IndicatorVerdict {
  return {
    kind: draft.kind,
    inferred: draft.inferred,
    met: draft.met,
    score: draft.fraction === null ? null : scoreOf(weight, draft.fraction),
    fraction: draft.fraction,
    reached: draft.reached ?? null,
    judgement: draft.judgement,
    band: draft.judgement ? { low: ZERO, high: scoreOf(weight, FULL) } : null,
    notes: draft.notes,
  };
}

function unparsed(kind: IndicatorKind, inferred: boolean, detail: string): Draft {
  return { kind, inferred, met: null, fraction: null, judgement: true, notes: [{ code: 'indicator.unparsed', detail }] };
}

function cannotRead(input: IndicatorInput): string {
  return `无法按年度指标值“${input.target.trim()}”读取实际完成值“${input.actual.trim()}”，请人工评定得分`;
}

function unitNote(target: MeasurePart, actual: MeasurePart): VerdictNote {
  return {
    code: 'indicator.unit-mismatch',
    detail: `年度指标值的单位是“${target.unit}”，实际完成值的单位是“${actual.unit}”，已按数字比较，请核对单位`,
  };
}

/** A target of one number against an actual of one number or a bound. */
function assessNumber(input: IndicatorInput, target: MeasurePart, actual: Measure, profile: Profile): Draft {
  const { kind, inferred } = numberKind(target, input.level2);
  const part = actualPart(actual, target);
  if (!part) return unparsed(kind, inferred, cannotRead(input));
  const unit = matchUnit(part.value, part.unit, target.unit);
  const notes: VerdictNote[] = unit.same ? [] : [unitNote(target, part)];
  const a = target.value;
  const b = unit.value;
  if (isBound(part)) {
    const targetComparator = target.comparator ?? impliedComparator(kind);
    if (!boundSatisfies(part.comparator, b, targetComparator, a)) {
      return unparsed(
        'bound',
        inferred,
        `实际完成值“${input.actual.trim()}”只写了范围，不能说明达到年度指标值“${input.target.trim()}”，请填写实际数值`,
      );
    }
    return { kind: 'bound', inferred, met: true, fraction: FULL, judgement: !unit.same, notes };
  }
  const strict = target.comparator === 'gt' || target.comparator === 'lt';
  const outcome = scoreNumber(kind, strict, a, b, profile);
  const ratio = new Decimal(profile.overAchievementRatio);
  if (kind === 'positive' && outcome.met && a.gt(0) && b.gte(a.times(ratio))) {
    notes.push({
      code: 'indicator.over-achieved',
      detail: `实际完成值是年度指标值的 ${sharePercent(share(b, a))}，达到 ${ratio.times(100).toString()}% 以上，请说明原因；若指标值定得偏低，应酌情扣分`,
    });
  }
  if (kind === 'equal' && !outcome.met) {
    notes.push({
      code: 'indicator.equal-missed',
      detail: `年度指标值要求等于 ${show(target)}，实际为 ${show(part)}，请复核`,
    });
  }
  const reached = kind === 'positive' && a.gt(0) ? share(b, a) : undefined;
  return { kind, inferred, met: outcome.met, fraction: outcome.fraction, judgement: !unit.same, notes, reached };
}

/** Whether an actual part's label names the same thing as a target part's. */
function sameLabel(target: string, actual: string): boolean {
  return target !== '' && actual !== '' && (actual.includes(target) || target.includes(actual));
}

/** Pair each target part with an actual part: by label, or else by position when the counts agree. */
function pairParts(targets: MeasurePart[], actuals: MeasurePart[]): (MeasurePart | null)[] {
  const used = new Set<MeasurePart>();
  const byLabel = targets.map((t) => {
    const found = actuals.find((a) => !used.has(a) && sameLabel(t.label, a.label)) ?? null;
    if (found) used.add(found);
    return found;
  });
  if (byLabel.every((p) => p !== null) || targets.length !== actuals.length) return byLabel;
  return actuals;
}

/** Every labelled number of the target met by the same label in the actual; a miss earns the mean share. */
function assessCompound(input: IndicatorInput, targets: MeasurePart[], actual: Measure, profile: Profile): Draft {
  const actuals = actual.type === 'compound' ? actual.parts : actual.type === 'number' ? [actual.part] : [];
  const pairs = pairParts(targets, actuals);
  const notes: VerdictNote[] = [];
  let met = true;
  const shares: Share[] = [];
  for (const [i, target] of targets.entries()) {
    const part = pairs[i];
    if (!part) return unparsed('compound', false, cannotRead(input));
    const { kind } = numberKind(target, input.level2);
    const unit = matchUnit(part.value, part.unit, target.unit);
    if (!unit.same) notes.push(unitNote(target, part));
    if (isBound(part)) {
      if (!boundSatisfies(part.comparator, unit.value, target.comparator ?? impliedComparator(kind), target.value)) {
        return unparsed('compound', false, cannotRead(input));
      }
      shares.push(FULL);
      continue;
    }
    const outcome = scoreNumber(kind, target.comparator === 'gt' || target.comparator === 'lt', target.value, unit.value, profile);
    met = met && outcome.met;
    shares.push(outcome.fraction);
  }
  const fraction = met ? FULL : meanShare(shares);
  return { kind: 'compound', inferred: false, met, fraction, judgement: notes.length > 0, notes };
}

const FLAT = /持平|不变|无变化|没有变化|未变化/;

/** A change target (下降 15%): the actual must move the same way, at least as far (docs/rules.md "Quantitative scores"). */
function assessChange(input: IndicatorInput, direction: Direction, target: MeasurePart | null, actual: Measure, profile: Profile): Draft {
  const word = direction === 'up' ? '上升' : '下降';
  let moved: Direction | 'flat';
  let part: MeasurePart | null;
  if (actual.type === 'change') {
    moved = actual.direction;
    part = actual.part;
  } else if (actual.type === 'number') {
    part = { ...actual.part, value: actual.part.value.abs() };
    // An unsigned number under a change target is read as a change in the target's direction.
    moved = actual.part.value.isNeg() ? 'down' : actual.part.signed ? 'up' : direction;
    if (actual.part.value.isZero()) moved = 'flat';
  } else if (actual.type === 'text' && FLAT.test(actual.text)) {
    moved = 'flat';
    part = null;
  } else if (actual.type === 'text' && target === null) {
    // "逐步提高" → "达成预期指标": no direction to compare, so grade it as a qualitative text.
    return assessQualitative(input);
  } else {
    return unparsed('change', false, cannotRead(input));
  }
  const kind: NumberKind = kindOf(target?.comparator ?? null) ?? 'positive';
  if (moved !== direction && kind === 'positive') {
    const said = moved === 'flat' ? '没有变化' : `${moved === 'up' ? '上升' : '下降'}${part ? ` ${show(part)}` : ''}`;
    return {
      kind: 'change',
      inferred: false,
      met: false,
      fraction: NONE,
      judgement: true,
      notes: [{ code: 'indicator.wrong-direction', detail: `年度指标值要求${word}，实际${said}，建议得分 0，请人工评定` }],
    };
  }
  if (moved !== direction) return { kind: 'change', inferred: false, met: true, fraction: FULL, judgement: false, notes: [] };
  if (target === null) return { kind: 'change', inferred: false, met: true, fraction: FULL, judgement: false, notes: [] };
  if (part === null)
    return unparsed(
      'change',
      false,
      `实际完成值“${input.actual.trim()}”没有写出${word}幅度，无法与“${input.target.trim()}”比较，请填写幅度`,
    );
  const unit = matchUnit(part.value, part.unit, target.unit);
  const notes: VerdictNote[] = unit.same ? [] : [unitNote(target, part)];
  if (isBound(part)) {
    if (!boundSatisfies(part.comparator, unit.value, target.comparator ?? 'ge', target.value)) {
      return unparsed('change', false, cannotRead(input));
    }
    return { kind: 'change', inferred: false, met: true, fraction: FULL, judgement: !unit.same, notes };
  }
  const strict = target.comparator === 'gt' || target.comparator === 'lt';
  const outcome = scoreNumber(kind, strict, target.value, unit.value, profile);
  return { kind: 'change', inferred: false, met: outcome.met, fraction: outcome.fraction, judgement: !unit.same, notes };
}

function assessQualitative(input: IndicatorInput): Draft & { grade?: IndicatorVerdict['grade'] } {
  const grade = gradeQualitative(input.target, input.actual);
  if (!grade) return unparsed('qualitative', false, cannotRead(input));
  return { kind: 'qualitative', inferred: false, met: grade === '达成', fraction: null, judgement: true, notes: [], grade };
}

/** The verdict for one indicator row (docs/rules.md "Indicators"). */
export function assessIndicator(input: IndicatorInput, profile: Profile): IndicatorVerdict {
  const target = parseMeasure(input.target);
  const actual = parseMeasure(input.actual);
  const draft = assess(input, target, actual, profile);
  const verdict = finish(draft, input.weight);
  const grade = 'grade' in draft ? draft.grade : undefined;
  if (!grade) return verdict;
  const band = gradeBand(grade, input.weight, profile);
  return { ...verdict, grade, score: band.suggested, band: { low: band.low, high: band.high } };
}

function kindBeforeActual(target: Measure, level2: string): { kind: IndicatorKind; inferred: boolean } {
  switch (target.type) {
    case 'number':
      return numberKind(target.part, level2);
    case 'compound':
      return { kind: 'compound', inferred: false };
    case 'change':
      return { kind: 'change', inferred: false };
    case 'text':
      return { kind: 'qualitative', inferred: false };
    default:
      return { kind: 'unknown', inferred: false };
  }
}

function assess(input: IndicatorInput, target: Measure, actual: Measure, profile: Profile): Draft & { grade?: IndicatorVerdict['grade'] } {
  if (target.type === 'empty') return unparsed('unknown', false, '年度指标值为空，无法判断是否达成');
  if (target.type === 'invalid') return unparsed('unknown', false, target.reason);
  if (actual.type === 'empty') {
    // The evaluator reports indicator.missing-actual; there is nothing to score yet.
    return { ...kindBeforeActual(target, input.level2), met: null, fraction: null, judgement: false, notes: [] };
  }
  if (actual.type === 'invalid') {
    const { kind, inferred } = kindBeforeActual(target, input.level2);
    return unparsed(kind, inferred, actual.reason);
  }
  switch (target.type) {
    case 'text':
      return assessQualitative(input);
    case 'number':
      return assessNumber(input, target.part, actual, profile);
    case 'compound':
      return assessCompound(input, target.parts, actual, profile);
    case 'change':
      return assessChange(input, target.direction, target.part, actual, profile);
  }
}
