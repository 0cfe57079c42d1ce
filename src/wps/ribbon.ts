// Entry of the WPS add-in's main.js, which WPS loads (through index.html) when it starts 表格: the
// ribbon callbacks named in ribbon.xml, as global functions. WPS does not await a callback and
// some builds fail to show the ribbon when one is async (docs/wps.md), so every callback is a plain
// function that starts the work and returns at once. 一键重算 and 检查 cannot show text here: their
// outcome is kept in the workbook, as the Office.js commands do, for the pane to tell.
import { runAndRecord } from '../door/command';
import { get } from './access';
import { installCompat } from './compat';
import { WpsDoor } from './door';
import { wpsApplication, type WpsScope } from './global';
import type { EtApplication } from './jsapi';

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
      else if (id === 'jixiaoRecompute') void runAndRecord(new WpsDoor(app()), 'recompute');
      else if (id === 'jixiaoCheck') void runAndRecord(new WpsDoor(app()), 'check');
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

declare const window: Window & Record<string, unknown> & WpsScope;

function application(): EtApplication {
  const app = wpsApplication(window);
  if (!app) throw new Error('WPS 表格的 Application 对象不可用');
  return app;
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  installCompat(window);
  Object.assign(
    window,
    ribbonCallbacks(application, () => document.location.href),
  );
}
