// How many calls into WPS each button takes (every member access crosses into the WPS process),
// on the seed form and on forms of 10, 100 and 1,000 indicator rows, plain and with merged 二级
// labels: printed as a table (docs/wps.md quotes it) and held to "does not grow with the cells".
// Run: npx jest test/wps/calls.test.ts
import { sketchToSnapshot, type SheetSketch } from '../../src/core/sketch';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { WpsDoor } from '../../src/wps/door';
import { MemoryEt, type EtModelOptions } from '../../src/wps/memory/et';
import { seedSketch } from '../fixtures/seed';
import { formWith } from './forms';

const ACTIONS = ['read', 'recompute', 'check', 'undo', 'clear marks'] as const;
type Action = (typeof ACTIONS)[number];

/** Calls on the sheets, and of those on the workbook's document properties (the add-in's records). */
interface Count {
  sheet: number;
  store: number;
}

type Row = { form: string; cells: number; merges: number } & Record<Action, Count>;

async function measure(name: string, sketch: SheetSketch, opts: EtModelOptions): Promise<Row> {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(sketch)]);
  const et = new MemoryEt(book, opts);
  const door = new WpsDoor(et.application);
  const steps: Record<Action, () => Promise<unknown>> = {
    read: () => door.inspect(),
    recompute: () => door.recompute(),
    check: () => door.check(),
    undo: () => door.undo(),
    'clear marks': () => door.clearMarks(),
  };
  const row = { form: name, cells: sketch.rows.reduce((n, r) => n + r.length, 0), merges: sketch.merges?.length ?? 0 } as Row;
  for (const action of ACTIONS) {
    et.calls = 0;
    et.propertyCalls = 0;
    await steps[action]();
    row[action] = { sheet: et.calls - et.propertyCalls, store: et.propertyCalls };
  }
  return row;
}

const FORMS: [string, SheetSketch][] = [
  ['示例表（渌口分局）', seedSketch],
  ['10 行指标', formWith(10)],
  ['100 行指标', formWith(100)],
  ['1000 行指标', formWith(1000)],
  ['100 行，二级指标每 10 行合并', formWith(100, 10)],
  ['1000 行，二级指标每 10 行合并', formWith(1000, 10)],
];

const BUILDS: [string, EtModelOptions][] = [
  ['properties, array blocks, properties of any length', { members: 'property', blocks: 'array', propertyLimit: null }],
  ['methods, Item(r, c) blocks, 255-character properties', { members: 'method', blocks: 'item', propertyLimit: 255 }],
];

describe.each(BUILDS)('WPS (%s)', (build, opts) => {
  const rows: Row[] = [];

  beforeAll(async () => {
    for (const [name, sketch] of FORMS) rows.push(await measure(name, sketch, opts));
    const cell = (c: Count) => (c.store > 0 ? `${c.sheet} + ${c.store}` : `${c.sheet}`);
    const lines = rows.map((r) => `| ${r.form} | ${r.cells} | ${r.merges} | ${ACTIONS.map((a) => cell(r[a])).join(' | ')} |`);
    const head = [
      `calls into WPS (${build}); "+ n": of which on document properties`,
      `| form | cells | merged areas | ${ACTIONS.join(' | ')} |`,
      '| --- | --: | --: |' + ' --: |'.repeat(ACTIONS.length),
    ];
    console.log([...head, ...lines].join('\n'));
  }, 120_000);

  const row = (form: string): Row => rows.find((r) => r.form === form) as Row;

  test.each(ACTIONS)('%s: the calls on the sheet are the same for 1000 indicator rows as for 100', (action) => {
    expect(row('1000 行指标')[action].sheet).toBe(row('100 行指标')[action].sheet);
    expect(row('10 行指标')[action].sheet).toBeLessThanOrEqual(row('100 行指标')[action].sheet);
  });

  test.each(ACTIONS)('%s with merged labels: the calls follow the merged areas (at most 5 each), not the cells', (action) => {
    const plain = row('1000 行指标')[action].sheet;
    const merged = row('1000 行，二级指标每 10 行合并');
    expect(merged[action].sheet).toBeLessThanOrEqual(plain + 5 * merged.merges);
  });

  test('the records (document properties): the same calls for any form where WPS keeps long text; deflated parts where it cuts at 255', () => {
    for (const action of ACTIONS) {
      const hundred = row('100 行指标')[action].store;
      const thousand = row('1000 行指标')[action].store;
      // A 1,000-row record is some 175,000 characters of JSON: 1,400 parts of 255 characters, 28 once deflated.
      if (opts.propertyLimit === null) expect(thousand).toBe(hundred);
      else expect(thousand).toBeLessThan(hundred + 120);
    }
  });

  test('the seed form: a read in a few hundred calls, a recompute or an undo in a few more', () => {
    const seed = row('示例表（渌口分局）');
    expect(seed.read.sheet).toBeLessThan(600);
    expect(seed.recompute.sheet - seed.read.sheet).toBeLessThan(60);
  });
});
