// Where a WPS add-in page finds the object model: WPS puts `wps` and `Application` on the window of
// its add-in pages, task panes included (wpsjs templates use `window.Application` in the pane;
// pi-for-excel `src/host/wps/jsapi.ts` tries `wps.EtApplication()` first, whose accessor throws in some builds).
import type { EtApplication, WpsGlobal } from './jsapi';

export interface WpsScope {
  wps?: WpsGlobal;
  Application?: EtApplication;
}

/** WPS 表格's Application, or null in a page WPS did not open. */
export function wpsApplication(scope: WpsScope): EtApplication | null {
  try {
    const app = scope.wps?.EtApplication?.();
    if (app) return app;
  } catch {
    // This build's accessor throws: the global below is the same object.
  }
  return scope.Application ?? scope.wps?.Application ?? null;
}
