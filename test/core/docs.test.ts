// The documentation keeps up with the engine: docs/rules.md gives every finding code of the
// catalogue its severity, when it fires, an example and what to do; docs/layouts.md shows every
// layout family with a small example grid. A new code or family without its documentation fails here.
import { readFileSync } from 'fs';
import { join } from 'path';
import { SEVERITY, type FindingCode } from '../../src/core/findings';
import type { LayoutFamily } from '../../src/core/report';
import type { Severity } from '../../src/core/types';

const doc = (name: string) => readFileSync(join(__dirname, '../../docs', name), 'utf8');
const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

describe('docs/rules.md', () => {
  const rows = doc('rules.md')
    .split('\n')
    .filter((line) => /^\| `[a-z]+\.[a-z-]+` \|/.test(line))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\|$/g, '').trim()));
  const codes = Object.keys(SEVERITY) as FindingCode[];

  test.each(codes)('%s: severity, when, example, what to do', (code) => {
    const mine = rows.filter((r) => r[0] === `\`${code}\``);
    expect(mine.length).toBeGreaterThan(0);
    for (const [, severity, when, example, todo] of mine) {
      expect(severity.startsWith(SEVERITY_WORD[SEVERITY[code]])).toBe(true);
      expect([when, example, todo].every((text) => typeof text === 'string' && text.length > 1)).toBe(true);
    }
  });

  test('names no code the catalogue does not have', () => {
    expect(rows.map((r) => r[0].replace(/`/g, '')).filter((code) => !(code in SEVERITY))).toEqual([]);
  });

  test('states the arithmetic: multiply before divide, half-up once, in exact.ts', () => {
    const text = doc('rules.md');
    expect(text).toContain('先乘后除');
    expect(text).toContain('0.63');
    expect(text).toContain('src/core/exact.ts');
  });
});

describe('docs/layouts.md', () => {
  const FAMILIES: Record<LayoutFamily, true> = { standard: true, 'level-weights': true, coefficients: true, 'targets-only': true };
  const text = doc('layouts.md');
  test.each(Object.keys(FAMILIES))('family %s has its section and an example grid', (family) => {
    const start = text.indexOf(`### ${family} `);
    expect(start).toBeGreaterThan(0);
    const next = text.indexOf('\n#', start + 1);
    expect(text.slice(start, next === -1 ? undefined : next)).toMatch(/```[\s\S]+\|[\s\S]+```/);
  });
});
