// The draft as a .docx (the `docx` package, which runs in Node and in the browser), laid out as
// layout.ts says. The bytes are deterministic: no dates in the properties, fixed times in the zip.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { partsText, type Block, type Draft, type Inline } from '../core/draft/outline';
import { FONTS, INDENT, LATIN, LINE, PAGE, SIZE, TEXT_WIDTH } from './layout';

type Role = keyof typeof FONTS;

/** Run fonts for a role: East Asian face, Latin face, and the hint that CJK punctuation uses the former. */
function fonts(role: Role): IRunOptions['font'] {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: FONTS[role].name, hint: 'eastAsia' };
}

function run(t: string, role: Role, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: t, font: fonts(role), size, ...extra });
}

/** A placeholder stands out (yellow) so that none is left in by mistake. */
function inlineRun(part: Inline, role: Role, size: number): TextRun {
  if ('text' in part) return run(part.text, role, size);
  return run(partsText([part]), role, size, { highlight: HighlightColor.YELLOW });
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT } as const;

/** About 20 二号 characters fit on a line of the 版心. */
const TITLE_LINE = 20;

/** A long title breaks after the unit's name, so that no word is split across its two lines. */
function title(parts: Inline[]): Paragraph {
  const long = partsText(parts).length > TITLE_LINE && parts.length > 1;
  const runs = parts.map((p, i) =>
    long && i === 1 ? [new TextRun({ break: 1 }), inlineRun(p, 'title', SIZE.二号)] : [inlineRun(p, 'title', SIZE.二号)],
  );
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
    children: runs.flat(),
  });
}

const HEADINGS = {
  1: { level: HeadingLevel.HEADING_1, role: 'heading1', bold: false },
  2: { level: HeadingLevel.HEADING_2, role: 'heading2', bold: false },
  3: { level: HeadingLevel.HEADING_3, role: 'body', bold: true },
} as const;

function block(b: Block): Array<Paragraph | Table> {
  if (b.kind === 'heading') {
    const h = HEADINGS[b.level];
    return [
      new Paragraph({
        heading: h.level,
        keepNext: true,
        spacing: exact,
        indent: { firstLine: INDENT },
        children: [run(b.text, h.role, SIZE.三号, { bold: h.bold })],
      }),
    ];
  }
  if (b.kind === 'paragraph') {
    const role: Role = b.note ? 'heading2' : 'body';
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: exact,
        indent: { firstLine: INDENT },
        children: b.parts.map((p) => inlineRun(p, role, SIZE.三号)),
      }),
    ];
  }
  return [caption(b.caption), table(b.head, b.rows)];
}

function caption(t: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { ...exact, before: 120 },
    children: [run(t, 'body', SIZE.小四, { bold: true })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Column shares of the text width: the first column (the indicator) takes what the others leave. */
function columnWidths(count: number): number[] {
  const narrow = count === 6 ? [0.19, 0.19, 0.08, 0.1, 0.12] : Array(count - 1).fill(0.6 / (count - 1));
  const first = 1 - narrow.reduce((s, x) => s + x, 0);
  return [first, ...narrow].map((share) => Math.floor(share * TEXT_WIDTH));
}

/** Table text is single-spaced (the body's fixed pitch would make every row two lines tall). */
const single = { line: 240, lineRule: LineRuleType.AUTO } as const;

function cell(t: string, width: number, header: boolean, centred: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: header || centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: single,
        children: [run(t, 'body', SIZE.五号, { bold: header })],
      }),
    ],
  });
}

function table(head: string[], rows: string[][]): Table {
  const widths = columnWidths(head.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i], true, true)) }),
      // Columns after the three texts (分值, 得分, 是否完成) are short figures: centred.
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i], false, i >= 3)) })),
    ],
  });
}

/** "— 1 —", odd pages on the right and even pages on the left, one character in from the edge. */
function pageNumber(alignment: 'right' | 'left'): Footer {
  const oneChar = SIZE.四号 * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts('pageNumber'), size: SIZE.四号 })],
      }),
    ],
  });
}

function document(draft: Draft): Document {
  const bodyRun = { font: fonts('body'), size: SIZE.三号, language: { value: 'zh-CN', eastAsia: 'zh-CN' } };
  const headingStyle = (role: Role, bold: boolean) => ({
    run: { font: fonts(role), size: SIZE.三号, bold, color: '000000' },
    paragraph: { spacing: exact, keepNext: true },
  });
  return new Document({
    creator: '绩效自评助手',
    title: partsText(draft.title),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: bodyRun, paragraph: { spacing: exact } },
        title: { run: { font: fonts('title'), size: SIZE.二号, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: headingStyle('heading1', false),
        heading2: headingStyle('heading2', false),
        heading3: headingStyle('body', true),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: PAGE.footer },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: [title(draft.title), ...draft.blocks.flatMap(block)],
      },
    ],
  });
}

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The font table names each face with the one to use when it is missing (w:altName); 86 is GB2312. */
function fontTable(): string {
  const faces = Object.values(FONTS).map(
    (f) =>
      `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.alt)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  );
  faces.push(`<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${faces.join('')}</w:fonts>`;
}

/** Core properties without dates, so the same draft gives the same bytes. */
function coreProperties(draft: Draft): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escape(partsText(draft.title))}</dc:title><dc:creator>绩效自评助手</dc:creator><cp:revision>1</cp:revision></cp:coreProperties>`
  );
}

/** Zip entries get a fixed local time (fflate writes local DOS times), the content types first. */
function repack(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  const names = Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const out: Zippable = {};
  for (const name of names) out[name] = [parts[name], { mtime, level: 6 }];
  return zipSync(out);
}

/** The .docx bytes of a draft. */
export async function renderDocx(draft: Draft): Promise<Uint8Array> {
  const overrides = [
    { path: 'word/fontTable.xml', data: fontTable() },
    { path: 'docProps/core.xml', data: coreProperties(draft) },
  ];
  const packed = await Packer.pack(document(draft), 'uint8array', false, overrides);
  return repack(packed);
}
