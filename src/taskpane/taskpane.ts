// Entry of taskpane.html: wait for Office, then build the pane on Excel's door (the real globals,
// or the in-memory ones the demo installs in their place).
import { ExcelDoor } from '../excel/door';
import type { OfficeHost } from '../excel/host';
import { Pane } from './pane';

void Office.onReady(() => {
  const host: OfficeHost = { Excel, Office };
  const root = document.getElementById('app');
  if (root) void new Pane(new ExcelDoor(host), root).start();
});
