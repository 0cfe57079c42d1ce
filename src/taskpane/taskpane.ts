// Entry of taskpane.html: wait for Office, then build the pane on the real globals (or on the
// in-memory ones the demo installs in their place).
import type { OfficeHost } from '../excel/host';
import { Pane } from './pane';

void Office.onReady(() => {
  const host: OfficeHost = { Excel, Office };
  const root = document.getElementById('app');
  if (root) void new Pane(host, root).start();
});
