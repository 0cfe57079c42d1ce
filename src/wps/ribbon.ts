// Entry of the WPS add-in's main.js, which WPS loads (through index.html) when it starts 表格: the
// ribbon callbacks named in ribbon.xml, as global functions. WPS does not await a callback and
// some builds fail to show the ribbon when one is async (docs/wps.md), so every callback is a plain
// function that starts the work and returns at once. 一键重算 and 检查 cannot show text here: their
// outcome is kept in the workbook, as the Office.js commands do, for the pane to tell.
import { LAST_COMMAND_KEY, type CommandId, type CommandOutcome } from '../door/records';
import { get } from './access';
import { installCompat } from './compat';
import { toWpsDoorError, WpsDoor } from './door';
import type { EtApplication, WpsGlobal } from './jsapi';
import { DocPropertyStore } from './store';

/** PluginStorage key of the pane WPS created, so the button shows and hides the same pane. */
export const PANE_KEY = 'jixiao.taskpane';

interface RibbonControl {
  Id?: string;
  id?: string;
}

/** The task pane page beside main.js, wherever the add-in is served from (a server or the jsaddons folder). */
export function paneUrl(location: string): string {
  return `${location.slice(0, location.lastIndexOf('/') + 1)}taskpane.html`;
}

function countErrors(reports: { findings: { severity: string }[]; forms: { findings: { severity: string }[] }[] }[]): number {
  return reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]).filter((f) => f.severity === 'error').length;
}

/** Run 一键重算 or 检查 and keep the outcome in the workbook for the pane. */
export async function runCommand(app: EtApplication, command: CommandId): Promise<CommandOutcome> {
  const door = new WpsDoor(app);
  const at = new Date().toISOString();
  let outcome: CommandOutcome;
  try {
    const profile = await door.profile();
    if (command === 'recompute') {
      const result = await door.recompute({ profile });
      outcome = { command, at, changed: result.written.length, errors: countErrors(result.reports) };
    } else {
      const result = await door.check({ profile });
      outcome = { command, at, changed: result.fillsChanged, errors: countErrors(result.reports) };
    }
  } catch (error) {
    const e = toWpsDoorError(error);
    outcome = { command, at, changed: 0, errors: 0, failure: { kind: e.kind, detail: e.message } };
  }
  try {
    new DocPropertyStore(app).set(LAST_COMMAND_KEY, outcome);
  } catch {
    // No workbook to keep it in (or WPS busy): the pane simply has nothing to tell.
  }
  return outcome;
}

/** Show the pane, creating it the first time; a second click hides it. */
export function togglePane(app: EtApplication, location: string): void {
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (id !== null && id !== undefined && id !== '') {
    const pane = app.GetTaskPane(id as string | number);
    if (pane) {
      pane.Visible = !pane.Visible;
      return;
    }
  }
  const pane = app.CreateTaskPane(paneUrl(location));
  app.PluginStorage.setItem(PANE_KEY, get(pane, 'ID'));
  pane.Visible = true;
}

/** The ribbon callbacks, bound to a WPS application, as WPS calls them. */
export function ribbonCallbacks(app: () => EtApplication, location: () => string) {
  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      const id = control.Id ?? control.id;
      if (id === 'jixiaoOpen') togglePane(app(), location());
      else if (id === 'jixiaoRecompute') void runCommand(app(), 'recompute');
      else if (id === 'jixiaoCheck') void runCommand(app(), 'check');
      return true;
    },
    OnGetEnabled(): boolean {
      return true;
    },
    GetImage(control: RibbonControl): string {
      const id = control.Id ?? control.id;
      return id === 'jixiaoOpen' ? 'images/icon-32.png' : id === 'jixiaoRecompute' ? 'images/recompute-32.png' : 'images/check-32.png';
    },
  };
}

declare const window: Window & Record<string, unknown> & { wps?: WpsGlobal; Application?: EtApplication };

/** Find WPS's application object: `wps.EtApplication()` where it exists, else the `Application` global. */
function application(): EtApplication {
  const wps = window.wps;
  if (wps?.EtApplication) return wps.EtApplication();
  if (window.Application) return window.Application;
  throw new Error('WPS 表格的 Application 对象不可用');
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  installCompat(window);
  Object.assign(window, ribbonCallbacks(application, () => document.location.href));
}
