// The ribbon's function commands: the same door as the pane, and an outcome the pane can show later.
import { analyzeSheet } from '../../src/core/engine';
import { registerCommands } from '../../src/commands/register';
import { MARK_COLORS } from '../../src/door/marks';
import { LAST_COMMAND_KEY, type CommandOutcome } from '../../src/door/records';
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

function setUp() {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  const host = createOfficeHost(book);
  registerCommands(host.Office, () => new ExcelDoor(host));
  return { book, host };
}

test('一键重算 writes the engine figures and records what it did', async () => {
  const { book, host } = setUp();
  await host.Office.invokeAction('recompute');
  expect(book.cell(seedSketch.name, 'H41').value).toBe(97.87);
  expect(book.settings[LAST_COMMAND_KEY]).toMatchObject({ command: 'recompute', changed: 4 } satisfies Partial<CommandOutcome>);
});

test('检查 highlights the rows its findings name, in their colours, without changing values', async () => {
  const { book, host } = setUp();
  const before = book.toSnapshots();
  await host.Office.invokeAction('check');
  expect(book.cell(seedSketch.name, 'H41').value).toBe(96);
  const marks = analyzeSheet(sketchToSnapshot(seedSketch)).forms[0].marks;
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks)
    expect({ cell: m.cell, fill: book.cell(seedSketch.name, m.cell).fill }).toEqual({ cell: m.cell, fill: MARK_COLORS[m.kind] });
  // Nothing but the marked cells' fills changed.
  const marked = new Set(marks.map((m) => `${m.row},${m.col}`));
  const after = book.toSnapshots()[0];
  before[0].cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const at = `${before[0].top + r},${before[0].left + c}`;
      if (!marked.has(at)) expect(after.cells[r][c]).toEqual(cell);
    }),
  );
  expect(book.settings[LAST_COMMAND_KEY]).toMatchObject({ command: 'check', changed: marks.length, errors: 0 });
});

describe('the function file (commands.html) as Excel loads it for a button press', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'Office');
    Reflect.deleteProperty(globalThis, 'Excel');
  });

  // Office.context is not there before Office is ready (the in-memory Office throws, as office.js
  // has no context yet): loading the file must not ask for it; the door is made when a command runs.
  test('it associates its commands as it loads, so the command that loaded it runs', async () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    const host = createOfficeHost(book, { launchedBy: 'recompute' });
    Object.assign(globalThis, { Office: host.Office, Excel: host.Excel });
    await jest.isolateModulesAsync(async () => {
      await import('../../src/commands/commands');
    });
    await host.Office.launched;
    expect(book.cell(seedSketch.name, 'H41').value).toBe(97.87);
    expect(book.settings[LAST_COMMAND_KEY]).toMatchObject({ command: 'recompute', changed: 4 });
  });

  test('a file that associates them in Office.onReady misses that command (what Excel does too early for it)', async () => {
    const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
    const host = createOfficeHost(book, { launchedBy: 'recompute' });
    void host.Office.onReady(() => registerCommands(host.Office, () => new ExcelDoor(host)));
    await expect(host.Office.launched).rejects.toThrow('no action associated with recompute');
    expect(book.cell(seedSketch.name, 'H41').value).toBe(96);
  });
});

test('a failing command still completes, and keeps the reason for the pane', async () => {
  const { book, host } = setUp();
  book.sheet(seedSketch.name).protected = true;
  await host.Office.invokeAction('recompute');
  expect(book.cell(seedSketch.name, 'H41').value).toBe(96);
  expect(book.settings[LAST_COMMAND_KEY]).toMatchObject({ command: 'recompute', failure: { kind: 'protected' } });
});

test('the command uses the profile the workbook remembers, and refuses one that no longer reads', async () => {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  book.settings['jixiao.profile'] = { kind: 'custom', source: 'p.json', json: '{"name":"年初口径","budgetDenominator":"initial"}' };
  const host = createOfficeHost(book);
  registerCommands(host.Office, () => new ExcelDoor(host));
  await host.Office.invokeAction('recompute');
  expect(book.cell(seedSketch.name, 'G5').value).toBeCloseTo(8016.09 / 5685.44, 4);

  const other = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  other.settings['jixiao.profile'] = { kind: 'custom', source: 'p.json', json: '{"budgetDenominator":"sometimes"}' };
  const second = createOfficeHost(other);
  registerCommands(second.Office, () => new ExcelDoor(second));
  await second.Office.invokeAction('recompute');
  expect(other.cell(seedSketch.name, 'H41').value).toBe(96);
  expect(other.settings[LAST_COMMAND_KEY]).toMatchObject({ failure: { kind: 'profile' } });
});
