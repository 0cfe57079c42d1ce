// An offline check of manifest.xml (`npm run validate` needs Microsoft's web service): it parses,
// elements come in schema order, every resid resolves to the right kind of resource, ids are short
// enough, URLs are https, icons exist at their sizes, and every string has zh-CN and en-US text.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { registerCommands } from '../../src/commands/register';
import { ExcelDoor } from '../../src/excel/door';
import { createOfficeHost } from '../../src/excel/memory/host';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const doc = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '' }).parse(xml) as Node[];

function tag(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function kids(node: Node): Node[] {
  return (node[tag(node)] as Node[]).filter((n) => tag(n) !== '#text');
}
function attr(node: Node, name: string): string | undefined {
  return node[':@']?.[name];
}
function child(node: Node, name: string): Node {
  const found = kids(node).find((n) => tag(n) === name);
  if (!found) throw new Error(`<${tag(node)}> has no <${name}>`);
  return found;
}
function all(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const k of kids(node)) all(k, out);
  return out;
}
function text(node: Node): string {
  return String((node[tag(node)] as Node[]).find((n) => tag(n) === '#text')?.['#text'] ?? '');
}
/** The children's tags follow `order` (each tag may repeat; unknown tags fail). */
function expectOrder(node: Node, order: string[]): void {
  const positions = kids(node).map((k) => {
    const i = order.indexOf(tag(k));
    if (i < 0) throw new Error(`<${tag(k)}> is not allowed in <${tag(node)}>`);
    return i;
  });
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const app = doc.find((n) => tag(n) === 'OfficeApp') as Node;
const overrides = child(app, 'VersionOverrides');
const resources = child(overrides, 'Resources');
const resourceIds = (kind: string): Map<string, Node> => new Map(kids(child(resources, kind)).map((n) => [attr(n, 'id') as string, n]));
const images = resourceIds('bt:Images');
const urls = resourceIds('bt:Urls');
const shorts = resourceIds('bt:ShortStrings');
const longs = resourceIds('bt:LongStrings');

describe('manifest.xml', () => {
  test('is a task pane add-in for Excel that may write to the workbook', () => {
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    expect(text(child(app, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(child(app, 'Version'))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(child(app, 'DefaultLocale'))).toBe('zh-CN');
    expect(attr(child(child(app, 'Hosts'), 'Host'), 'Name')).toBe('Workbook');
    expect(text(child(app, 'Permissions'))).toBe('ReadWriteDocument');
  });

  test('top-level elements are present and in schema order', () => {
    const order = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
    ];
    expectOrder(app, order);
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(kids(app).map(tag)).toContain(required);
    }
  });

  test('the ribbon part is in schema order too', () => {
    expectOrder(overrides, ['Description', 'Requirements', 'Hosts', 'Resources']);
    expectOrder(resources, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    const form = child(child(child(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
    expectOrder(form, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    const group = child(child(child(form, 'ExtensionPoint'), 'OfficeTab'), 'Group');
    expect(attr(child(child(form, 'ExtensionPoint'), 'OfficeTab'), 'id')).toBe('TabHome');
    expectOrder(group, ['Label', 'Icon', 'Control']);
    const controls = kids(group).filter((n) => tag(n) === 'Control');
    expect(controls.map((c) => attr(child(c, 'Action'), 'xsi:type'))).toEqual(['ShowTaskpane', 'ExecuteFunction', 'ExecuteFunction']);
    for (const c of controls) expectOrder(c, ['Label', 'Supertip', 'Icon', 'Action']);
  });

  test('every resid names a resource of the right kind', () => {
    const kindOf = (node: Node, parent: Node): Map<string, Node> => {
      const t = tag(node);
      if (t === 'bt:Image') return images;
      if (['FunctionFile', 'SourceLocation', 'LearnMoreUrl'].includes(t)) return urls;
      if (t === 'Description' && ['Supertip', 'GetStarted'].includes(tag(parent))) return longs;
      return shorts;
    };
    const walk = (node: Node): number => {
      let count = 0;
      for (const k of kids(node)) {
        const resid = attr(k, 'resid');
        if (resid !== undefined) {
          expect({ resid, defined: kindOf(k, node).has(resid) }).toEqual({ resid, defined: true });
          count++;
        }
        count += walk(k);
      }
      return count;
    };
    expect(walk(child(overrides, 'Hosts'))).toBeGreaterThan(20);
  });

  test('ids are unique and at most 32 characters', () => {
    const ids = all(app)
      .map((n) => attr(n, 'id'))
      .filter((id): id is string => id !== undefined);
    const taskpaneIds = all(app)
      .filter((n) => tag(n) === 'TaskpaneId')
      .map(text);
    for (const id of [...ids, ...taskpaneIds]) expect(id.length).toBeLessThanOrEqual(32);
    const resourceIdList = [...images.keys(), ...urls.keys(), ...shorts.keys(), ...longs.keys()];
    expect(new Set(resourceIdList).size).toBe(resourceIdList.length);
  });

  test('every URL is https', () => {
    const values = all(app)
      .flatMap((n) => [attr(n, 'DefaultValue'), attr(n, 'Value')])
      .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//i.test(v));
    const domains = all(app)
      .filter((n) => tag(n) === 'AppDomain')
      .map(text);
    expect(values.length).toBeGreaterThan(10);
    for (const url of [...values, ...domains]) expect(url).toMatch(/^https:\/\//);
  });

  test('every icon exists in assets/icons at the size the manifest claims', () => {
    const sized = all(overrides)
      .filter((n) => tag(n) === 'bt:Image' && attr(n, 'size'))
      .map((n) => ({ size: Number(attr(n, 'size')), url: attr(images.get(attr(n, 'resid') as string) as Node, 'DefaultValue') as string }));
    const top = [
      { size: 32, url: attr(child(app, 'IconUrl'), 'DefaultValue') as string },
      { size: 64, url: attr(child(app, 'HighResolutionIconUrl'), 'DefaultValue') as string },
    ];
    for (const { size, url } of [...sized, ...top]) {
      const file = join(ROOT, 'assets', 'icons', url.replace(/^https:\/\/localhost:3000\/assets\//, ''));
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test('every string is Chinese by default with an en-US override, within length limits', () => {
    const localized = [child(app, 'DisplayName'), child(app, 'Description'), ...shorts.values(), ...longs.values()];
    for (const node of localized) {
      expect(attr(node, 'DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const en = kids(node).find((k) => ['Override', 'bt:Override'].includes(tag(k)) && attr(k, 'Locale') === 'en-US');
      expect(en && attr(en, 'Value')).toMatch(/[A-Za-z]/);
    }
    for (const s of shorts.values()) expect((attr(s, 'DefaultValue') as string).length).toBeLessThanOrEqual(125);
    for (const s of longs.values()) expect((attr(s, 'DefaultValue') as string).length).toBeLessThanOrEqual(250);
    expect(attr(shorts.get('OpenPane.Label') as Node, 'DefaultValue')).toBe('打开助手');
    expect(attr(shorts.get('Recompute.Label') as Node, 'DefaultValue')).toBe('一键重算');
    expect(attr(shorts.get('Check.Label') as Node, 'DefaultValue')).toBe('检查');
  });

  test('asks only for ExcelApi 1.1, what volume-licensed Office 2016 has: every later set is detected at run time', () => {
    const sets = child(child(app, 'Requirements'), 'Sets');
    expect(attr(sets, 'DefaultMinVersion')).toBe('1.1');
    expect(kids(sets).map((n) => [attr(n, 'Name'), attr(n, 'MinVersion')])).toEqual([['ExcelApi', '1.1']]);
  });

  test('the support and learn-more links open the help page the build makes, not the pane', () => {
    expect(attr(child(app, 'SupportUrl'), 'DefaultValue')).toBe('https://localhost:3000/help.html');
    expect(attr(urls.get('GetStarted.LearnMoreUrl') as Node, 'DefaultValue')).toBe('https://localhost:3000/help.html');
    expect(existsSync(join(ROOT, 'src', 'help', 'help.html'))).toBe(true);
  });

  test('each ExecuteFunction names a function the commands file registers', async () => {
    const names = all(overrides)
      .filter((n) => tag(n) === 'FunctionName')
      .map(text);
    expect(names).toEqual(['recompute', 'check']);
    const host = createOfficeHost(
      MemoryWorkbook.fromSnapshots([{ sheet: 'S', top: 1, left: 1, cells: [], merges: [], mergesKnown: true }]),
    );
    registerCommands(host.Office, () => new ExcelDoor(host));
    for (const name of names) await expect(host.Office.invokeAction(name)).resolves.toBeUndefined();
  });
});
