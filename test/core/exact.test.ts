// One place rounds (docs/rules.md "Arithmetic"): src/core/exact.ts. Every other engine module
// multiplies and divides exactly and hands its figure to a helper there, so a second rounding
// cannot creep in unnoticed.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import Decimal from 'decimal.js';
import { asPrintedRate, ceil2, fixed2, fixedPlaces, percent2, round2, scoreOf, share } from '../../src/core/exact';

const CORE = join(__dirname, '../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

test('no engine module but exact.ts rounds', () => {
  const rounding = /toDecimalPlaces|toFixed\(|toSignificantDigits|ROUND_|Math\.round|\.round\(/;
  const offenders = sources(CORE)
    .filter((path) => !path.endsWith('exact.ts'))
    .flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => rounding.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .map(([line, i]) => `${relative(CORE, path)}:${i + 1}: ${line.trim()}`),
    );
  expect(offenders).toEqual([]);
});

test.each([
  // [value, round2, fixed2]
  ['0.625', '0.63', '0.63'],
  ['0.62499999999999999999', '0.62', '0.62'],
  ['-0.625', '-0.63', '-0.63'],
  ['99.995', '100', '100.00'],
  ['10', '10', '10.00'],
])('%s rounds half-up once to %s', (value, rounded, text) => {
  expect(round2(new Decimal(value)).toString()).toBe(rounded);
  expect(fixed2(new Decimal(value))).toBe(text);
});

test('a score multiplies before it divides: 3 × 5 ÷ 24 = 0.625 → 0.63', () => {
  expect(scoreOf(new Decimal(3), share(new Decimal(5), new Decimal(24))).toString()).toBe('0.63');
  // Dividing first at decimal.js's 20 digits would have given 0.62.
  expect(round2(new Decimal(5).div(24).times(3)).toString()).toBe('0.62');
});

test('rates, band bounds and shown figures', () => {
  expect(asPrintedRate(new Decimal('0.97805')).toString()).toBe('0.9781');
  expect(percent2(new Decimal('0.97805'))).toBe('97.81%');
  expect(ceil2(new Decimal('4.501')).toString()).toBe('4.51');
  expect(fixedPlaces(new Decimal('95.805'), 1)).toBe('95.8');
  expect(fixedPlaces(new Decimal('95.85'), 1)).toBe('95.9');
});
