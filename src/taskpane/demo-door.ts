// The pane opened in a plain browser, with neither Excel nor WPS: a blank 部门整体支出绩效自评表 in
// an in-memory Excel, so that every button can be tried. Loaded only then (its own chunk).
import { sketchToSnapshot } from '../core/sketch';
import { templateSketch } from '../core/template';
import type { Door } from '../door/door';
import { ExcelDoor } from '../excel/door';
import { createOfficeHost } from '../excel/memory/host';
import { MemoryWorkbook } from '../excel/memory/workbook';

export function demoDoor(): Door {
  return new ExcelDoor(createOfficeHost(MemoryWorkbook.fromSnapshots([sketchToSnapshot(templateSketch('department'))])));
}
