// The assistant on Excel: the workflow (../door/door.ts) over the Office.js host (./workbook.ts).
import { Door } from '../door/door';
import type { OfficeHost } from './host';
import { ExcelWorkbook } from './workbook';

export class ExcelDoor extends Door {
  constructor(office: OfficeHost) {
    super(new ExcelWorkbook(office));
  }
}
