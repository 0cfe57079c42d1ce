// Run in the WPS pane's page before its own scripts, as WPS does: the in-memory WPS 表格 on the seed
// form, given to the page the way WPS gives its object model to an add-in's task pane (`wps` and
// `Application` on the window), in a webview without crypto.randomUUID (WPS 12.1.0.26200). The
// test reads the workbook back through `window.wpsModel`.
import { sketchToSnapshot } from '../../src/core/sketch';
import { MemoryWorkbook } from '../../src/excel/memory/workbook';
import { MemoryEt } from '../../src/wps/memory/et';
import type { EtApplication, WpsGlobal } from '../../src/wps/jsapi';
import { seedSketch } from '../fixtures/seed';

export interface WpsModel {
  book: MemoryWorkbook;
  et: MemoryEt;
}

declare global {
  interface Window {
    wpsModel?: WpsModel;
  }
}

// Only the pane's page is WPS's: frames and blank pages get nothing.
if (window.top === window && location.pathname.endsWith('/taskpane.html')) {
  const book = MemoryWorkbook.fromSnapshots([sketchToSnapshot(seedSketch)]);
  const et = new MemoryEt(book, { members: 'method', blocks: 'item' });
  Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
  window.wpsModel = { book, et };
  const globals: { wps: WpsGlobal; Application: EtApplication } = { wps: et.wps, Application: et.application };
  Object.assign(window, globals);
}
