// What each sheet case of the catalogue must give, through either door: the forms the person would
// see, compared with the plain seed form the case was made from.
import { analyzeSheet } from '../../src/core/engine';
import type { SheetReport } from '../../src/core/report';
import { seedRows, seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

/** A form as both doors can show it (the CLI's --json, the pane's reports). */
export interface FormView {
  type: string;
  indicators: { name: string; weight: string | null }[];
  findings: { code: string; cell: string }[];
}

/** Just what the comparison needs, from a FormReport or a --json form alike. */
export function formView(f: FormView): FormView {
  return {
    type: f.type,
    indicators: f.indicators.map((i) => ({ name: i.name, weight: i.weight })),
    findings: f.findings.map((x) => ({ code: x.code, cell: x.cell })),
  };
}

export function formViews(reports: SheetReport[]): FormView[] {
  return reports.flatMap((r) => r.forms.map(formView));
}

const seed = analyzeSheet(sketchToSnapshot(seedSketch)).forms[0];
const key = (f: { code: string; cell: string }): string => `${f.code}@${f.cell}`;
const SEED_FINDINGS = seed.findings.map(key).sort();
const SEED_INDICATORS = seed.indicators.map((i) => ({ name: i.name, weight: i.weight }));
/** The seed's row whose explanation the big-cell case fills with 5 MB, and whose score the error case breaks. */
const SHORT_ROW = seedRows.firstIndicator + 5;

function findings(f: FormView): string[] {
  return f.findings.map(key).sort();
}

function asSeed(f: FormView): void {
  expect(f.type).toBe('department');
  expect(f.indicators).toEqual(SEED_INDICATORS);
  expect(findings(f)).toEqual(SEED_FINDINGS);
}

/** Per case, beyond "findings, not a crash": what a person would notice is right or wrong. */
export const CASE_EXPECTATIONS: Record<string, (forms: FormView[]) => void> = {
  'huge-sheet': ([f, ...rest]) => {
    expect(rest).toEqual([]);
    asSeed(f);
  },
  'big-cell': ([f]) => {
    expect(f.indicators).toEqual(SEED_INDICATORS);
    expect(findings(f)).toEqual([...SEED_FINDINGS, `text.too-long@I${SHORT_ROW}`].sort());
  },
  'merges-1000': ([f, ...rest]) => {
    expect(rest).toEqual([]);
    asSeed(f);
  },
  // Hidden rows and columns still hold the person's figures: read as if shown.
  'hidden-rows-cols': ([f]) => asSeed(f),
  'two-forms': (forms) => {
    expect(forms.map((f) => f.type)).toEqual(['department', 'project']);
    asSeed(forms[0]);
    expect(forms[1].indicators).toHaveLength(10);
    expect(forms[1].findings.map((x) => x.code)).toContain('deviation.missing');
  },
  // The repeated header is no indicator; the rows below it keep their findings (one row lower).
  'repeated-header': ([f, ...rest]) => {
    expect(rest).toEqual([]);
    expect(f.indicators).toEqual(SEED_INDICATORS);
    expect(f.findings.map((x) => x.code).sort()).toEqual(seed.findings.map((x) => x.code).sort());
  },
  // The cached values of the cross-sheet formulas are the weights.
  'cross-sheet-weights': ([f]) => asSeed(f),
  'formula-errors': ([f]) => {
    expect(f.indicators.map((i) => i.name)).toEqual(SEED_INDICATORS.map((i) => i.name));
    expect(findings(f)).toEqual(expect.arrayContaining(['formula.error@G5', `formula.error@H${SHORT_ROW}`]));
  },
  protected: ([f]) => asSeed(f),
  // Nothing is expanded: the seed beside a merge or a validation over the whole sheet reads as the seed.
  'merge-whole-sheet': ([f, ...rest]) => {
    expect(rest).toEqual([]);
    asSeed(f);
  },
  'validation-whole-sheet': ([f, ...rest]) => {
    expect(rest).toEqual([]);
    asSeed(f);
  },
};

/** Codes that mean the engine gave up on a sheet rather than judged it. */
export const GAVE_UP = ['form.unreadable'];
