// What the demo page puts on its window as `demo`: the pane's frame connects through it, and the
// browser tests read the workbook through it. Declared once here for both.
import type { MemoryWorkbook } from '../excel/memory/workbook';

export interface PaneHost {
  Office: unknown;
  Excel: unknown;
  OfficeExtension?: unknown;
}

export interface DemoHandle {
  /** True once the workbook is read and the pane's frame has loaded. */
  ready: boolean;
  /** The in-memory workbook the grid shows and the pane works on. */
  readonly workbook: MemoryWorkbook;
  readonly fileName: string;
  /** Creates the Office and Excel globals for a pane frame, wired to the page's workbook. */
  connectPane(): PaneHost;
}

declare global {
  interface Window {
    demo?: DemoHandle;
  }
}
