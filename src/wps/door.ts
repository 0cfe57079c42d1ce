// The assistant on WPS 表格: the workflow (../door/door.ts) over WPS's object model (./workbook.ts).
import { Door } from '../door/door';
import type { EtApplication } from './jsapi';
import { WpsWorkbook, type WpsOptions } from './workbook';

export class WpsDoor extends Door {
  constructor(app: EtApplication, opts: WpsOptions = {}) {
    super(new WpsWorkbook(app, opts));
  }
}
