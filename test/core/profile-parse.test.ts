import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { NATIONAL } from '../../src/core/profile';
import { ProfileError, parseProfile } from '../../src/core/profile-parse';
import { BUILTIN_PROFILES, resolveProfileName } from '../../src/core/profile';

const assetDir = join(__dirname, '../../assets/profiles');
const load = (file: string) => parseProfile(JSON.parse(readFileSync(join(assetDir, file), 'utf8')), file);

/** The ProfileError a bad profile raises (the test fails when none is raised). */
function refusal(json: unknown): ProfileError {
  try {
    parseProfile(json, 'province.json');
  } catch (e) {
    if (e instanceof ProfileError) return e;
    throw e;
  }
  throw new Error('the profile was accepted');
}

describe('the shipped example profiles', () => {
  test('only profiles a published document backs are shipped', () => {
    expect(readdirSync(assetDir).sort()).toEqual(['output60-outcome30-no-satisfaction.json']);
  });

  test('60 / 30 without 满意度, an explanation below 90% execution', () => {
    const p = load('output60-outcome30-no-satisfaction.json');
    expect(p.budgetWeight).toBe('10');
    expect(p.levelWeights).toEqual({ 产出指标: '60', 效益指标: '30', 满意度指标: null });
    expect(p.lowExecutionRate).toBe('0.9');
    expect(p.name).toContain('无满意度');
  });
});

describe('parseProfile', () => {
  test('an empty object is the national profile, named after its file', () => {
    expect(parseProfile({}, 'dir/hunan.json')).toEqual({ ...NATIONAL, name: 'hunan' });
  });

  test('numbers, decimal strings and percentages are all read as exact decimal strings', () => {
    const p = parseProfile(
      { lowExecutionRate: 0.85, adjustmentWarnRatio: '30%', overAchievementRatio: '1.50', gradeBands: { 优: 95 } },
      'x.json',
    );
    expect(p.lowExecutionRate).toBe('0.85');
    expect(p.adjustmentWarnRatio).toBe('0.3');
    expect(p.overAchievementRatio).toBe('1.5');
    expect(p.gradeBands).toEqual({ 优: '95', 良: '80', 中: '60' });
  });

  test('does not change the national profile it starts from', () => {
    parseProfile({ levelWeights: { 产出指标: '60', 效益指标: '30', 满意度指标: null } }, 'x.json');
    expect(NATIONAL.levelWeights.满意度指标).toBe('10');
  });

  test('a mistyped key is refused with the key and a suggestion', () => {
    const e = refusal({ lowExecRate: '0.8' });
    expect(e.key).toBe('lowExecRate');
    expect(e.message).toContain('未知的设置 "lowExecRate"');
    expect(e.message).toContain('lowExecutionRate');
    expect(e.message).toContain('province.json');
  });

  test('snake_case and nested keys are matched to their names', () => {
    expect(refusal({ budget_weight: 20 }).message).toContain('"budgetWeight"');
    const e = refusal({ levelWeights: { 产出: '50' } });
    expect(e.key).toBe('levelWeights.产出');
    expect(e.message).toContain('"产出指标"');
  });

  test('a key like no other is refused with the list of settings', () => {
    const e = refusal({ colour: 'red' });
    expect(e.message).toContain('未知的设置 "colour"');
    expect(e.message).toContain('budgetDenominator');
  });

  test.each([
    [{ budgetDenominator: 'yearly' }, 'budgetDenominator', '"yearly"'],
    [{ reverseMiss: 'Linear' }, 'reverseMiss', '"Linear"'],
    [{ deviationRequiredWhen: true }, 'deviationRequiredWhen', 'true'],
    [{ lowExecutionRate: 'ninety' }, 'lowExecutionRate', '"ninety"'],
    [{ lowExecutionRate: 90 }, 'lowExecutionRate', '90'],
    [{ overAchievementRatio: '0.8' }, 'overAchievementRatio', '"0.8"'],
    [{ budgetWeight: -5 }, 'budgetWeight', '-5'],
    [{ budgetWeight: '10分' }, 'budgetWeight', '"10分"'],
    [{ qualitativeBands: { achieved: 1.2 } }, 'qualitativeBands.achieved', '1.2'],
    [{ qualitativeBands: [0.8, 0.5] }, 'qualitativeBands', '[0.8,0.5]'],
    [{ levelWeights: { 产出指标: null } }, 'levelWeights.产出指标', 'null'],
    [{ name: '' }, 'name', '""'],
  ])('%j is refused naming %s and its value', (json, key, shown) => {
    const e = refusal(json);
    expect(e.key).toBe(key);
    expect(e.message).toContain(`${key} 的值 ${shown} 无效`);
  });

  test('a rate written as a percentage number gets the decimal suggested', () => {
    expect(refusal({ lowExecutionRate: 90 }).message).toContain('0.9');
  });

  test('bands out of order are refused', () => {
    expect(refusal({ qualitativeBands: { partial: '0.85' } }).message).toContain('partial（0.85）应小于 achieved（0.8）');
    expect(refusal({ gradeBands: { 良: 92 } }).message).toContain('中 < 良 < 优');
  });

  test('weights that do not make 100 are refused with the sum shown', () => {
    const e = refusal({ budgetWeight: 20 });
    expect(e.key).toBe('levelWeights');
    expect(e.message).toContain('= 110');
    expect(refusal({ levelWeights: { 满意度指标: null } }).message).toContain('= 90');
  });

  test('something that is not an object is refused', () => {
    expect(refusal([]).message).toContain('JSON 对象');
    expect(refusal('national').message).toContain('JSON 对象');
  });
});

describe('built-in profiles', () => {
  test('national is built in and found by its name in any case or in Chinese', () => {
    expect(BUILTIN_PROFILES.national).toBe(NATIONAL);
    expect(resolveProfileName('national')).toBe(NATIONAL);
    expect(resolveProfileName(' National ')).toBe(NATIONAL);
    expect(resolveProfileName('全国')).toBe(NATIONAL);
    expect(resolveProfileName('hunan')).toBeNull();
  });
});

describe('provincial rules', () => {
  test('are off in the national profile', () => {
    expect(NATIONAL.executionCaps).toEqual([]);
    expect(NATIONAL.overAchievementDeduction).toBeNull();
  });

  test('execution caps and the over-achievement deduction are read exactly', () => {
    const p = parseProfile(
      {
        executionCaps: [
          { below: '60%', maxTotal: 60 },
          { below: 0.8, maxTotal: '80' },
        ],
        overAchievementDeduction: { ratio: '130%', share: '0.2' },
      },
      'province.json',
    );
    expect(p.executionCaps).toEqual([
      { below: '0.6', maxTotal: '60' },
      { below: '0.8', maxTotal: '80' },
    ]);
    expect(p.overAchievementDeduction).toEqual({ ratio: '1.3', share: '0.2' });
    expect(parseProfile({ overAchievementDeduction: null }, 'p.json').overAchievementDeduction).toBeNull();
  });

  test.each([
    [{ executionCaps: { below: '0.6', maxTotal: '60' } }, 'executionCaps'],
    [{ executionCaps: [{ below: '0.6' }] }, 'executionCaps[0]'],
    [{ executionCaps: [{ below: '1.6', maxTotal: '60' }] }, 'executionCaps[0].below'],
    [{ executionCaps: [{ below: '0.6', maxTotal: '160' }] }, 'executionCaps[0].maxTotal'],
    [{ executionCaps: [{ below: '0.6', maxTotal: '60', cap: 1 }] }, 'executionCaps[0].cap'],
    [{ overAchievementDeduction: { ratio: '1.3' } }, 'overAchievementDeduction'],
    [{ overAchievementDeduction: { ratio: '0.9', share: '0.2' } }, 'overAchievementDeduction.ratio'],
    [{ overAchievementDeduction: { ratio: '1.3', share: '2' } }, 'overAchievementDeduction.share'],
  ])('%j is refused naming %s', (json, key) => {
    expect(refusal(json).key).toBe(key);
  });
});
