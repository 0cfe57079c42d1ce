// The catalogue of odd and broken sheets (issue 6) as plain descriptions, so the file door
// (scripts/make-bad-workbooks.ts writes them as .xlsx) and the add-in door (its tests load them
// into the in-memory Excel) are tried on the same content. Each starts from a real form, the seed,
// and adds one thing that people's files really do hold. Browser-safe: no Node APIs.
import { a1, parseA1 } from '../core/text';
import { projectSketch } from './project';
import { seedRows, seedSketch } from './seed';
import { moveSketch, parseRange, rangeText, type SheetSketch, type SketchCell } from './sketch';

export interface BadSheetCase {
  id: string;
  /** What the case is, Chinese then English. */
  title: string;
  sheets: SheetSketch[];
  /** Rows below the form filled with unrelated data, up to `toRow` (see fillerRow). */
  filler?: { fromRow: number; toRow: number };
  /** Rows and columns hidden in the file (an .xlsx property; Excel still returns their values). */
  hidden?: { rows: number[]; cols: string[] };
  /** A sheet protected in the file and in Excel. */
  protectedSheet?: string;
}

/** The rows of the huge sheet: the seed (41 rows) at the top, filler to row 200,000. */
const HUGE_ROWS = 200_000;
/** The long explanation, in characters (more bytes in UTF-8, being part Chinese). */
const BIG_TEXT_CHARS = 5 * 1024 * 1024;
const MERGE_COUNT = 1000;

/** One filler row: a line number and an amount, the way an attached ledger sits below a form. */
export function fillerRow(row: number): [string, number] {
  return [`附表明细 第 ${row} 行`, (row * 37) % 10_000];
}

/** A text of `chars` characters: an explanation pasted many times over. */
function bigText(chars: number): string {
  const unit = '因疫情影响部分采集工作推迟，已于次年补采。Delayed by the epidemic. ';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

function withCells(s: SheetSketch, changes: Record<string, SketchCell>): SheetSketch {
  const top = s.origin?.row ?? 1;
  const left = s.origin?.col ?? 1;
  const rows = s.rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(changes)) {
    const p = parseA1(address);
    if (!p) throw new Error(`Not an address: ${address}`);
    const row = (rows[p.row - top] ??= []);
    row[p.col - left] = value;
  }
  return { ...s, rows };
}

/** A row inserted before absolute row `at`: merges across it grow, everything below moves down. */
function insertRow(s: SheetSketch, at: number, cells: SketchCell[]): SheetSketch {
  const top = s.origin?.row ?? 1;
  const rows = [...s.rows.slice(0, at - top), cells, ...s.rows.slice(at - top)];
  const merges = (s.merges ?? []).map((text) => {
    const r = parseRange(text);
    if (r.top >= at) return rangeText({ ...r, top: r.top + 1, bottom: r.bottom + 1 });
    if (r.bottom >= at) return rangeText({ ...r, bottom: r.bottom + 1 });
    return text;
  });
  const formats: Record<string, string> = {};
  for (const [address, format] of Object.entries(s.formats ?? {})) {
    const p = parseA1(address);
    if (p) formats[a1(p.row >= at ? p.row + 1 : p.row, p.col)] = format;
  }
  return { ...s, rows, merges, formats };
}

/** Sketch `b` placed `gap` empty rows below sketch `a`, on a's sheet. */
function stack(a: SheetSketch, b: SheetSketch, gap: number): SheetSketch {
  const start = (a.origin?.row ?? 1) + a.rows.length + gap;
  const moved = moveSketch(b, { row: start, col: a.origin?.col ?? 1 }, a.name);
  const blank: SketchCell[][] = Array.from({ length: gap }, () => []);
  return {
    ...a,
    rows: [...a.rows, ...blank, ...moved.rows],
    merges: [...(a.merges ?? []), ...(moved.merges ?? [])],
    formats: { ...a.formats, ...moved.formats },
  };
}

const SEED = seedSketch.name;
const { table, firstIndicator, lastIndicator } = seedRows;
/** The seed's indicator row whose score falls short (9580 of 10000 份): its explanation is column I. */
const SHORT_ROW = firstIndicator + 5;

function mergesBelow(): SheetSketch {
  const from = seedSketch.rows.length + 4;
  const rows: SketchCell[][] = Array.from({ length: from - 1 - seedSketch.rows.length }, () => []);
  const merges: string[] = [];
  for (let i = 0; i < MERGE_COUNT; i++) {
    rows.push([`附注第 ${i + 1} 条`, null, null]);
    merges.push(`A${from + i}:C${from + i}`);
  }
  return { ...seedSketch, rows: [...seedSketch.rows, ...rows], merges: [...(seedSketch.merges ?? []), ...merges] };
}

function crossSheetWeights(): SheetSketch[] {
  const weights: SketchCell[][] = [['三级指标', '分值']];
  const changes: Record<string, SketchCell> = {};
  for (let row = firstIndicator; row <= lastIndicator; row++) {
    const line = seedSketch.rows[row - 1];
    weights.push([line[3], line[6]]);
    changes[`G${row}`] = { formula: `'权重表'!B${weights.length}`, value: line[6] as number };
  }
  return [withCells(seedSketch, changes), { name: '权重表', rows: weights }];
}

function repeatedHeader(): SheetSketch {
  // As a PDF paste leaves it: the header again where the page broke (before 效益指标), under the 绩效指标 merge.
  const header = [null, ...seedSketch.rows[table - 1].slice(1)];
  return insertRow(seedSketch, firstIndicator + 20, header);
}

/** The cases that are sheets (the file-level ones — not a workbook, truncated… — are bytes, see the script). */
export function badSheetCases(): BadSheetCase[] {
  return [
    {
      id: 'huge-sheet',
      title: `${HUGE_ROWS.toLocaleString('en-US')} 行的工作表，表在顶部 / a sheet of ${HUGE_ROWS.toLocaleString('en-US')} rows, the form at the top`,
      sheets: [seedSketch],
      filler: { fromRow: seedSketch.rows.length + 5, toRow: HUGE_ROWS },
    },
    {
      id: 'big-cell',
      title: '表内一个 5 MB 的说明单元格 / a single 5 MB text cell inside the form (an explanation)',
      sheets: [withCells(seedSketch, { [`I${SHORT_ROW}`]: bigText(BIG_TEXT_CHARS) })],
    },
    {
      id: 'merges-1000',
      title: `${MERGE_COUNT} 个合并区域 / ${MERGE_COUNT} merged areas`,
      sheets: [mergesBelow()],
    },
    {
      id: 'hidden-rows-cols',
      title: '表内有隐藏的行和列 / hidden rows and columns inside the form',
      sheets: [seedSketch],
      hidden: { rows: [SHORT_ROW, firstIndicator + 13], cols: ['C', 'I'] },
    },
    {
      id: 'two-forms',
      title: '一个工作表上有两张表 / two forms on one sheet',
      sheets: [stack(seedSketch, projectSketch, 6)],
    },
    {
      id: 'repeated-header',
      title: '表头在表格中间重复出现 / the header row repeated inside the table',
      sheets: [repeatedHeader()],
    },
    {
      id: 'cross-sheet-weights',
      title: '分值是引用另一工作表的公式（带缓存值）/ 分值 as formulas pointing at another sheet, with cached values',
      sheets: crossSheetWeights(),
    },
    {
      id: 'formula-errors',
      title: '公式显示错误值 #DIV/0!、#REF! / formulas showing errors',
      sheets: [
        withCells(seedSketch, {
          G5: { formula: 'E5/0', value: '#DIV/0!' },
          [`H${SHORT_ROW}`]: { formula: `#REF!/G${SHORT_ROW}`, value: '#REF!' },
        }),
      ],
    },
    {
      id: 'protected',
      title: '受保护的工作表 / a protected sheet',
      sheets: [seedSketch],
      protectedSheet: SEED,
    },
  ];
}

/** The error texts a sketch cell's cached value can show. */
export const ERROR_VALUE = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)$/;
