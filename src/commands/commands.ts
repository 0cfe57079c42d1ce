// Entry of commands.html, the ribbon's function file: Excel loads it without showing it.
import type { OfficeHost } from '../excel/host';
import { registerCommands } from './register';

void Office.onReady(() => {
  const host: OfficeHost = { Excel, Office };
  registerCommands(host);
});
