// Stands in for Microsoft's office.js inside the demo's pane frame: it asks the demo page for an
// in-memory Office host and installs it as the globals the task pane expects. It runs before the
// pane's own script, which is why the pane itself needs no change.
import type { PaneHost } from './handle';

/** The pane frame's window, where the stub installs the globals office.js would. */
interface StubWindow extends Window {
  Office?: unknown;
  Excel?: unknown;
  OfficeExtension?: unknown;
}

const self = window as StubWindow;
const parentDemo = self.parent !== self ? self.parent.demo : undefined;

if (parentDemo) {
  const host: PaneHost = parentDemo.connectPane();
  self.Office = host.Office;
  self.Excel = host.Excel;
  if (host.OfficeExtension) self.OfficeExtension = host.OfficeExtension;
} else {
  // Opened on its own there is no workbook to work on: say so instead of failing silently.
  document.addEventListener('DOMContentLoaded', () => {
    const note = document.createElement('p');
    note.textContent = '此页面需在演示页面中打开（npm run demo）。/ Open this page through the demo (npm run demo).';
    note.style.cssText = 'margin:16px;font:14px "Segoe UI","Microsoft YaHei",sans-serif;color:#a4262c';
    document.body.prepend(note);
  });
}
