// Which door the pane opens at start, from what the page was given: Office.js that reports a host
// → Excel; WPS's object model (`wps` / `Application` on the window, ../wps/global.ts) → WPS 表格;
// neither (the page opened in a plain browser) → a demo on a blank form in memory, said as such.
import type { Door } from '../door/door';
import { ExcelDoor } from '../excel/door';
import type { OfficeHost } from '../excel/host';
import type { installCompat } from '../wps/compat';
import { wpsApplication, type WpsScope } from '../wps/global';

export type HostKind = 'excel' | 'wps' | 'demo';

/** The globals the choice looks at: the page's window. */
export interface PaneScope extends WpsScope, Partial<OfficeHost> {
  navigator?: { language?: string };
  crypto?: Parameters<typeof installCompat>[0]['crypto'];
}

export async function chooseDoor(scope: PaneScope): Promise<{ kind: HostKind; door: Door }> {
  const Office = scope.Office;
  // office.js outside Office (a plain browser) is ready too, with no host; Excel's namespace may come only with readiness.
  if (Office && (await Office.onReady()).host && scope.Excel) return { kind: 'excel', door: new ExcelDoor({ Office, Excel: scope.Excel }) };
  const app = wpsApplication(scope);
  if (app) {
    // Loaded only in WPS, so the pane Excel loads carries none of it.
    const { installCompat, WpsDoor } = await import(/* webpackChunkName: "wps-door" */ './wps-door');
    installCompat(scope);
    return { kind: 'wps', door: new WpsDoor(app, { displayLanguage: scope.navigator?.language }) };
  }
  const { demoDoor } = await import(/* webpackChunkName: "demo-door" */ './demo-door');
  return { kind: 'demo', door: demoDoor() };
}
