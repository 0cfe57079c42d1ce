// The pane opens the door of the host it was opened in: Excel when Office reports a host, WPS when
// the page has WPS's object model, a demo on a blank form otherwise.
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { chooseDoor, type PaneScope } from '../../src/taskpane/door-choice';
import { MemoryEt } from '../../src/wps/memory/et';
import { seedSketch } from '../fixtures/seed';
import { sketchToSnapshot } from '../../src/core/sketch';

const seedBook = () => MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);

test('Office reporting Excel: the Excel door, on that workbook', async () => {
  const book = seedBook();
  const { kind, door } = await chooseDoor(createOfficeHost(book));
  expect(kind).toBe('excel');
  await door.recompute();
  expect(book.cell(seedSketch.name, 'H41').value).toBe(97.87);
});

test.each<[string, (et: MemoryEt) => PaneScope]>([
  ['wps.EtApplication()', (et) => ({ wps: et.wps })],
  ['window.Application', (et) => ({ Application: et.application })],
  [
    'window.Application, where wps.EtApplication() throws',
    (et) => ({
      wps: {
        EtApplication: () => {
          throw new Error('不可用');
        },
      },
      Application: et.application,
    }),
  ],
])('WPS (%s): the WPS door, in the webview language, with crypto.randomUUID where it was missing', async (_name, scopeOf) => {
  const book = seedBook();
  const crypto: NonNullable<PaneScope['crypto']> = { getRandomValues: (a: Uint8Array) => a };
  const { kind, door } = await chooseDoor({ ...scopeOf(new MemoryEt(book)), navigator: { language: 'en-US' }, crypto });
  expect(kind).toBe('wps');
  expect(door.host.displayLanguage).toBe('en-US');
  expect(typeof crypto.randomUUID).toBe('function');
  await door.recompute();
  expect(book.cell(seedSketch.name, 'H41').value).toBe(97.87);
});

test.each<[string, PaneScope]>([
  ['no host at all', {}],
  [
    'office.js in a plain browser (ready, no host)',
    { Office: { ...createOfficeHost(seedBook()).Office, onReady: async () => ({ host: null, platform: null }) } },
  ],
])('%s: a demo on a blank form in memory', async (_name, scope) => {
  const { kind, door } = await chooseDoor(scope);
  expect(kind).toBe('demo');
  const { reports } = await door.inspect();
  expect(reports[0].forms).toHaveLength(1);
});
