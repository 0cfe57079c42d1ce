// The demo page: a workbook drawn as a sheet on the left, the real task pane on the right, both
// working on one in-memory workbook. Files are read and written in this page only; nothing is
// sent anywhere.
import { a1 } from '../core/address';
import { createOfficeHost } from '../excel/memory/host';
import type { MemoryWorkbook } from '../excel/memory/workbook';
import { DemoBook, parseSelection } from './book';
import { SheetGrid, editText } from './sheet-grid';
import { MARKS_KEY, readMarks } from '../door/records';
import type { DemoHandle } from './handle';
import { parseTyped } from './typed';

const PANE_URL = 'pane/taskpane.html';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

const gridHost = element<HTMLDivElement>('grid-scroll');
const tabs = element<HTMLElement>('tabs');
const status = element<HTMLDivElement>('status');
const nameBox = element<HTMLOutputElement>('name-box');
const formulaBox = element<HTMLOutputElement>('formula');
const paneFrame = element<HTMLIFrameElement>('pane');
const fileInput = element<HTMLInputElement>('open-file');
const openButton = element<HTMLButtonElement>('open-button');
const paneAlert = element<HTMLDivElement>('pane-alert');
const paneAlertText = element<HTMLParagraphElement>('pane-alert-text');
const paneAlertClose = element<HTMLButtonElement>('pane-alert-close');
const sampleSelect = element<HTMLSelectElement>('sample');
const downloadButton = element<HTMLButtonElement>('download');
const downloadCleanButton = element<HTMLButtonElement>('download-clean');
const dropHint = element<HTMLDivElement>('drop-hint');

let book: DemoBook | null = null;
let unsubscribe: (() => void) | null = null;
let drawPending = false;
/** The selection last scrolled into view. */
let revealed = '';

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** A problem the person must see (a file that would not open): above the pane, until they close it. */
function alertInPane(text: string | null): void {
  paneAlertText.textContent = text ?? '';
  paneAlert.hidden = text === null;
  if (text !== null) paneAlertClose.focus();
}
paneAlertClose.addEventListener('click', () => {
  alertInPane(null);
  openButton.focus();
});

function current(): DemoBook {
  if (!book) throw new Error('还没有打开工作簿 / No workbook is open');
  return book;
}

function selection(b: DemoBook): { row: number; col: number } {
  const sel = parseSelection(b.workbook.selectedAddress);
  return sel && sel.sheet === b.activeSheet.name ? { row: sel.row, col: sel.col } : { row: 1, col: 1 };
}

function selectCell(address: string): void {
  const b = current();
  b.workbook.selectedAddress = `${b.activeSheet.name}!${address}`;
  revealed = b.workbook.selectedAddress;
  const at = selection(b);
  grid.select(at);
  showSelection(b, at);
  grid.reveal();
}

/** The name box and the formula bar, for the selected cell (the top-left cell of a merge). */
function showSelection(b: DemoBook, at: { row: number; col: number }): void {
  const merge = b.activeSheet.mergeAt(at.row, at.col);
  const row = merge?.top ?? at.row;
  const col = merge?.left ?? at.col;
  nameBox.textContent = a1(row, col);
  formulaBox.textContent = editText(b.activeSheet.get(row, col));
}

function editCell(address: string, text: string): void {
  const b = current();
  const sheet = b.activeSheet.name;
  const before = b.workbook.cell(sheet, address);
  if (editText(before) !== text) {
    const typed = parseTyped(text, before.numberFormat);
    if (typed.numberFormat) b.workbook.setCell(sheet, address, { numberFormat: typed.numberFormat });
    b.workbook.edit(sheet, address, typed.value);
  }
  // The edit is in; batches the pane sent meanwhile go on now, as in Excel.
  b.workbook.endCellEdit();
  draw();
}

const grid = new SheetGrid(gridHost, {
  select: selectCell,
  edit: editCell,
  // While the person types, Excel holds back the add-in's batches (cell edit mode).
  editStarted: () => {
    if (book) book.workbook.cellEditMode = true;
  },
  editCancelled: () => book?.workbook.endCellEdit(),
});

function drawTabs(b: DemoBook): void {
  const buttons = b.workbook.sheets.map((sheet) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.role = 'tab';
    button.textContent = sheet.name;
    button.setAttribute('aria-selected', String(sheet.name === b.activeSheet.name));
    button.addEventListener('click', () => {
      b.workbook.activeSheet = sheet.name;
      b.workbook.selectedAddress = `${sheet.name}!A1`;
      draw();
    });
    return button;
  });
  tabs.replaceChildren(...buttons);
}

/** Redraw everything from the workbook: the grid, the tabs and the formula bar. */
function draw(): void {
  const b = book;
  // While the person types, the edit's own commit redraws.
  if (!b || grid.isEditing) return;
  const at = selection(b);
  const view = b.gridSheet(b.activeSheet);
  grid.render(view, at);
  if (view.clipped) say(`此表很大，只显示前 ${view.rows} 行、${view.cols} 列；任务窗格仍处理整张表。/ Showing part of a large sheet.`);
  drawTabs(b);
  showSelection(b, at);
}

/** The pane writes in bursts; draw once per frame, and scroll only when the selection moved. */
function drawSoon(): void {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    draw();
    const selected = book?.workbook.selectedAddress ?? '';
    if (selected !== revealed) grid.reveal();
    revealed = selected;
  });
}

async function load(bytes: ArrayBuffer, fileName: string): Promise<void> {
  say(`正在读取 ${fileName}… / Reading…`);
  try {
    const opened = await DemoBook.open(bytes, fileName);
    unsubscribe?.();
    book = opened;
    unsubscribe = opened.workbook.onChange(drawSoon);
    revealed = opened.workbook.selectedAddress;
    alertInPane(null);
    say(`${fileName} · ${opened.workbook.sheets.length} 个工作表 · 文件只在本机处理，不会上传 / Nothing leaves this computer`);
    draw();
    gridHost.scrollTo(0, 0);
    // A fresh pane for a fresh workbook, as when Excel opens another file.
    demo.ready = false;
    const paneLoaded = new Promise((resolve) => paneFrame.addEventListener('load', resolve, { once: true }));
    paneFrame.src = `${PANE_URL}?file=${encodeURIComponent(fileName)}`;
    const isSample = [...sampleSelect.options].some((option) => option.value === fileName);
    sampleSelect.value = isSample ? fileName : '';
    await paneLoaded;
    demo.ready = true;
  } catch (error) {
    const text = openErrorText(fileName, error);
    say(`${text.zh} / ${text.en}`, true);
    alertInPane(`${text.zh}${book ? `仍显示 ${book.fileName}。` : ''} / ${text.en}`);
    throw error;
  }
}

/** Why a file could not be opened, in a sentence: exceljs's own messages speak of zip internals. */
function openErrorText(fileName: string, error: unknown): { zh: string; en: string } {
  const reason = error instanceof Error ? error.message : String(error);
  if (/zip|central directory|corrupt|encrypt/i.test(reason)) {
    return {
      zh: `无法打开 ${fileName}：它不是 .xlsx 工作簿，或已损坏、已加密。请在 Excel 中另存为 .xlsx 后再试。`,
      en: 'Not a readable .xlsx file.',
    };
  }
  return { zh: `无法打开 ${fileName}：${reason.slice(0, 120)}。`, en: 'Could not open this file.' };
}

async function loadSample(name: string): Promise<void> {
  const response = await fetch(`samples/${encodeURIComponent(name)}`);
  if (!response.ok) {
    say(`示例 ${name} 不在构建中（npm run samples）/ Sample missing`, true);
    return;
  }
  await load(await response.arrayBuffer(), name);
}

async function openFile(file: File): Promise<void> {
  await load(await file.arrayBuffer(), file.name);
}

/** The workbook as a file, with the add-in's highlights or with the fills they covered given back. */
async function download(withMarks: boolean): Promise<void> {
  const b = current();
  say('正在生成文件… / Writing the file…');
  const marks = readMarks(b.workbook.settings[MARKS_KEY]);
  const covered = new Map(marks.map((m) => [`${m.sheet}\u0000${m.row}\u0000${m.col}`, m.before]));
  const fillOf = withMarks ? undefined : (sheet: string, row: number, col: number) => covered.get(`${sheet}\u0000${row}\u0000${col}`);
  const blob = await b.toFile(fillOf);
  const name = b.downloadName(withMarks);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const which = withMarks
    ? `含助手的 ${marks.length} 处颜色标记（颜色含义见任务窗格的“颜色说明”）`
    : marks.length > 0
      ? `已去掉助手的 ${marks.length} 处颜色标记，还原了原来的填充色`
      : '没有助手的颜色标记';
  say(`已下载 ${name}：${which}；共 ${b.changes(fillOf).length} 处改动。/ Downloaded ${withMarks ? 'with' : 'without'} highlights`);
}

openButton.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file).catch(() => undefined);
  fileInput.value = '';
});
sampleSelect.addEventListener('change', () => void loadSample(sampleSelect.value).catch(() => undefined));
downloadButton.addEventListener(
  'click',
  () => void download(true).catch((e: unknown) => say(`下载失败 / Download failed: ${String(e)}`, true)),
);
downloadCleanButton.addEventListener(
  'click',
  () => void download(false).catch((e: unknown) => say(`下载失败 / Download failed: ${String(e)}`, true)),
);

// Drag and drop anywhere on the page; the sheet area shows where to drop. While a file is being
// dragged the pane's frame lets it through, so a drop there opens the file instead of losing it.
let dragDepth = 0;
function dragging(on: boolean): void {
  dropHint.hidden = !on;
  document.body.classList.toggle('dragging', on);
}
window.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  dragging(true);
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dragging(false);
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  dragging(false);
  const file = e.dataTransfer?.files[0];
  if (file) void openFile(file).catch(() => undefined);
});

const demo: DemoHandle = {
  ready: false,
  /** The in-memory workbook the grid shows and the pane works on. */
  get workbook(): MemoryWorkbook {
    return current().workbook;
  },
  get fileName(): string {
    return current().fileName;
  },
  connectPane() {
    return createOfficeHost(current().workbook);
  },
};

window.demo = demo;

void loadSample(sampleSelect.value).catch(() => undefined);
