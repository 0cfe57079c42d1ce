// Entry of commands.html, the ribbon's function file: Excel loads it without showing it. The
// commands are associated at the top level, as soon as the file runs (Office.actions.associate in
// Microsoft's samples): Excel may invoke one before Office.onReady's callback would run. The door
// is made on first use, when Office is ready.
import type { Door } from '../door/door';
import { ExcelDoor } from '../excel/door';
import type { OfficeHost } from '../excel/host';
import { registerCommands } from './register';

const host: OfficeHost = { Excel, Office };
let door: Door | null = null;
registerCommands(Office, () => (door ??= new ExcelDoor(host)));
