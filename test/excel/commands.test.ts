// The ribbon's function commands: the same door as the pane, and an outcome the pane can show later.
import { registerCommands } from '../../src/commands/register';
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

test('检查 highlights without changing values', async () => {
  const { book, host } = setUp();
  await host.Office.invokeAction('check');
  expect(book.cell(seedSketch.name, 'H41').value).toBe(96);
  expect(book.cell(seedSketch.name, 'I19').fill).toBeDefined();
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
