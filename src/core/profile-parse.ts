// Reading a province's profile (docs/profiles.md): a small JSON object that writes only what differs
// from the national one. Anything it cannot use is refused with a message naming the key and value,
// because a silently ignored setting would score a hundred forms by the wrong rule.
import Decimal from 'decimal.js';
import { LEVEL1_NAMES } from './labels';
import { NATIONAL, type ExecutionCap, type Profile } from './profile';

/** A profile that cannot be used; the message names the key and the value at fault, Chinese first. */
export class ProfileError extends Error {
  constructor(
    message: string,
    /** The setting at fault ("qualitativeBands.partial"), or null when the whole object is wrong. */
    readonly key: string | null = null,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

const TOP_KEYS: (keyof Profile)[] = [
  'name',
  'budgetDenominator',
  'lowExecutionRate',
  'adjustmentWarnRatio',
  'reverseMiss',
  'overAchievementRatio',
  'qualitativeBands',
  'levelWeights',
  'budgetWeight',
  'gradeBands',
  'deviationRequiredWhen',
  'executionCaps',
  'overAchievementDeduction',
];

/** Read a profile object (parsed JSON). `source` names where it came from, for the messages. */
export function parseProfile(json: unknown, source: string): Profile {
  const root = asObject(json, null, source);
  checkKeys(root, TOP_KEYS, null, source);
  const out: Profile = {
    ...NATIONAL,
    qualitativeBands: { ...NATIONAL.qualitativeBands },
    levelWeights: { ...NATIONAL.levelWeights },
    gradeBands: { ...NATIONAL.gradeBands },
    name: defaultName(source),
  };

  if ('name' in root) {
    const name = root.name;
    if (typeof name !== 'string' || name.trim() === '') {
      throw refuse(source, 'name', name, '应是一段非空文字', 'must be a non-empty text');
    }
    out.name = name.trim();
  }
  if ('budgetDenominator' in root) {
    out.budgetDenominator = oneOf(root.budgetDenominator, ['planned', 'initial'] as const, 'budgetDenominator', source);
  }
  if ('reverseMiss' in root) {
    out.reverseMiss = oneOf(root.reverseMiss, ['ratio', 'linear'] as const, 'reverseMiss', source);
  }
  if ('deviationRequiredWhen' in root) {
    out.deviationRequiredWhen = oneOf(root.deviationRequiredWhen, ['lost-points', 'unmet'] as const, 'deviationRequiredWhen', source);
  }
  if ('lowExecutionRate' in root) {
    out.lowExecutionRate = fraction(root.lowExecutionRate, 'lowExecutionRate', source, { min: '0', max: '1' });
  }
  if ('adjustmentWarnRatio' in root) {
    out.adjustmentWarnRatio = fraction(root.adjustmentWarnRatio, 'adjustmentWarnRatio', source, { min: '0', max: '1' });
  }
  if ('overAchievementRatio' in root) {
    out.overAchievementRatio = fraction(root.overAchievementRatio, 'overAchievementRatio', source, {
      min: '1',
      max: '10',
      minOpen: true,
    });
  }
  if ('budgetWeight' in root) {
    out.budgetWeight = points(root.budgetWeight, 'budgetWeight', source);
  }

  if ('qualitativeBands' in root) {
    const bands = asObject(root.qualitativeBands, 'qualitativeBands', source);
    checkKeys(bands, ['achieved', 'partial'], 'qualitativeBands', source);
    for (const k of ['achieved', 'partial'] as const) {
      if (k in bands) {
        out.qualitativeBands[k] = fraction(bands[k], `qualitativeBands.${k}`, source, { min: '0', max: '1', minOpen: true });
      }
    }
  }
  const q = out.qualitativeBands;
  if (!new Decimal(q.partial).lt(q.achieved)) {
    throw new ProfileError(
      `配置 ${source}：qualitativeBands 的 partial（${q.partial}）应小于 achieved（${q.achieved}），` +
        `三档“达成 / 部分达成 / 未达成”才能从高到低排开。` +
        ` / in ${source}, qualitativeBands.partial (${q.partial}) must be below achieved (${q.achieved}).`,
      'qualitativeBands',
    );
  }

  if ('gradeBands' in root) {
    const bands = asObject(root.gradeBands, 'gradeBands', source);
    checkKeys(bands, ['优', '良', '中'], 'gradeBands', source);
    for (const k of ['优', '良', '中'] as const) {
      if (k in bands) out.gradeBands[k] = points(bands[k], `gradeBands.${k}`, source);
    }
  }
  const g = out.gradeBands;
  if (!(new Decimal(g.中).lt(g.良) && new Decimal(g.良).lt(g.优))) {
    throw new ProfileError(
      `配置 ${source}：gradeBands 应满足 中 < 良 < 优，现为 中 ${g.中}、良 ${g.良}、优 ${g.优}。` +
        ` / in ${source}, gradeBands must rise 中 < 良 < 优 (now ${g.中} / ${g.良} / ${g.优}).`,
      'gradeBands',
    );
  }

  if ('levelWeights' in root) {
    const weights = asObject(root.levelWeights, 'levelWeights', source);
    checkKeys(weights, LEVEL1_NAMES, 'levelWeights', source);
    for (const k of LEVEL1_NAMES) {
      if (!(k in weights)) continue;
      const v = weights[k];
      if (v === null && k === '满意度指标') {
        out.levelWeights.满意度指标 = null;
      } else {
        out.levelWeights[k] = points(v, `levelWeights.${k}`, source, k === '满意度指标' ? '，或 null 表示不设满意度指标' : '');
      }
    }
  }
  if ('executionCaps' in root) out.executionCaps = executionCaps(root.executionCaps, source);
  if ('overAchievementDeduction' in root) out.overAchievementDeduction = deduction(root.overAchievementDeduction, source);
  checkSum(out, source);
  return out;
}

/** [{ "below": "0.6", "maxTotal": "60" }, …]: each tier a rate and the most points a form below it may keep. */
function executionCaps(value: unknown, source: string): ExecutionCap[] {
  if (!Array.isArray(value))
    throw refuse(
      source,
      'executionCaps',
      value,
      '应是一个列表（[ … ]），每项如 { "below": "0.6", "maxTotal": "60" }',
      'must be a list of { "below", "maxTotal" }',
    );
  return value.map((item, i) => {
    const key = `executionCaps[${i}]`;
    const tier = asObject(item, key, source);
    checkKeys(tier, ['below', 'maxTotal'], key, source);
    if (!('below' in tier) || !('maxTotal' in tier))
      throw refuse(source, key, item, '应同时写 below 与 maxTotal', 'needs both below and maxTotal');
    return {
      below: fraction(tier.below, `${key}.below`, source, { min: '0', max: '1', minOpen: true }),
      maxTotal: points(tier.maxTotal, `${key}.maxTotal`, source),
    };
  });
}

/** { "ratio": "1.3", "share": "0.2" }, or null for none. */
function deduction(value: unknown, source: string): Profile['overAchievementDeduction'] {
  if (value === null) return null;
  const d = asObject(value, 'overAchievementDeduction', source);
  checkKeys(d, ['ratio', 'share'], 'overAchievementDeduction', source);
  if (!('ratio' in d) || !('share' in d))
    throw refuse(source, 'overAchievementDeduction', value, '应同时写 ratio 与 share，或写 null', 'needs both ratio and share, or null');
  return {
    ratio: fraction(d.ratio, 'overAchievementDeduction.ratio', source, { min: '1', max: '10', minOpen: true }),
    share: fraction(d.share, 'overAchievementDeduction.share', source, { min: '0', max: '1', minOpen: true }),
  };
}

/** budgetWeight + the 一级 weights must make the form's 100 points. */
function checkSum(p: Profile, source: string): void {
  const parts = [p.budgetWeight, p.levelWeights.产出指标, p.levelWeights.效益指标, p.levelWeights.满意度指标 ?? '0'];
  const sum = parts.reduce((acc, v) => acc.plus(v), new Decimal(0));
  if (sum.eq(100)) return;
  const shown =
    `budgetWeight ${p.budgetWeight} + 产出指标 ${p.levelWeights.产出指标} + 效益指标 ${p.levelWeights.效益指标}` +
    ` + 满意度指标 ${p.levelWeights.满意度指标 ?? 'null'}`;
  throw new ProfileError(
    `配置 ${source}：预算执行与各一级指标的分值合计应为 100，现为 ${shown} = ${sum.toString()}。` +
      `未写出的项沿用全国默认值（10 / 50 / 30 / 10）。` +
      ` / in ${source}, the weights must add up to 100 (settings left out keep the national 10 / 50 / 30 / 10): ${shown} = ${sum.toString()}.`,
    'levelWeights',
  );
}

function defaultName(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  const name = base.replace(/\.json$/i, '').trim();
  return name === '' ? 'custom' : name;
}

function asObject(value: unknown, key: string | null, source: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (key === null) {
    throw new ProfileError(
      `配置 ${source} 应是一个 JSON 对象（{ … }），现为 ${show(value)}。 / ${source} must hold a JSON object, not ${show(value)}.`,
    );
  }
  throw refuse(source, key, value, '应是一个对象（{ … }）', 'must be an object ({ … })');
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], parent: string | null, source: string): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const path = parent === null ? key : `${parent}.${key}`;
    const guess = closest(key, allowed);
    const hintZh = guess ? `，是否想写 "${guess}"？` : `。可用的设置：${allowed.join('、')}。`;
    const hintEn = guess ? `; did you mean "${guess}"?` : `; known settings: ${allowed.join(', ')}.`;
    throw new ProfileError(`配置 ${source}：未知的设置 "${path}"${hintZh} / unknown setting "${path}" in ${source}${hintEn}`, path);
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, source: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `"${a}"`).join(' / ');
  throw refuse(source, key, value, `应为 ${list} 之一`, `must be one of ${list}`);
}

interface Range {
  min: string;
  max: string;
  minOpen?: boolean;
}

/** A ratio: a decimal number or string ("0.9"), or a percentage string ("90%"). */
function fraction(value: unknown, key: string, source: string, range: Range): string {
  const d = decimal(value, key, source, true);
  inRange(d, value, key, source, range);
  return d.toString();
}

/** Points out of the form's 100. */
function points(value: unknown, key: string, source: string, extraZh = ''): string {
  const d = decimal(value, key, source, false, extraZh);
  inRange(d, value, key, source, { min: '0', max: '100' });
  return d.toString();
}

function decimal(value: unknown, key: string, source: string, percentAllowed: boolean, extraZh = ''): Decimal {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) return new Decimal(text);
    const pct = /^([+-]?\d+(\.\d+)?)\s*%$/.exec(text);
    if (pct && percentAllowed) return new Decimal(pct[1]).div(100);
  }
  const zh = percentAllowed ? '应是一个数（如 0.9 或 "0.9"，也可写 "90%"）' : '应是一个数（如 10 或 "10"）';
  const en = percentAllowed ? 'must be a number (0.9, "0.9" or "90%")' : 'must be a number (10 or "10")';
  throw refuse(source, key, value, zh + extraZh, en);
}

function inRange(d: Decimal, value: unknown, key: string, source: string, range: Range): void {
  const low = range.minOpen ? d.gt(range.min) : d.gte(range.min);
  if (low && d.lte(range.max)) return;
  const zh = `应在 ${range.minOpen ? '(' : '['}${range.min}, ${range.max}] 之内`;
  const en = `must lie in ${range.minOpen ? '(' : '['}${range.min}, ${range.max}]`;
  // A rate written as a percentage number (90 for 90%) is the likely slip: say so.
  const hint = range.max === '1' && d.gt(1) && d.lte(100) ? `（比例写小数：${d.div(100).toString()}）` : '';
  throw refuse(source, key, value, zh + hint, en);
}

function refuse(source: string, key: string, value: unknown, zh: string, en: string): ProfileError {
  return new ProfileError(`配置 ${source}：${key} 的值 ${show(value)} 无效，${zh}。 / in ${source}, ${key} = ${show(value)} ${en}.`, key);
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/** The allowed key nearest to a mistyped one, ignoring case and _ / - (lowExecRate, low_execution_rate). */
function closest(key: string, allowed: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const k = norm(key);
  let best: string | null = null;
  let bestDist = Infinity;
  for (const a of allowed) {
    const na = norm(a);
    const contained = k.length >= 2 && (na.includes(k) || k.includes(na));
    const dist = contained ? Math.abs(na.length - k.length) / 2 : editDistance(k, na);
    if (dist < bestDist) {
      bestDist = dist;
      best = a;
    }
  }
  if (best === null) return null;
  return bestDist <= Math.max(2, Math.floor(Math.max(k.length, norm(best).length) / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
