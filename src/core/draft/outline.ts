// The drafted 自评报告 as plain data: headings, paragraphs and tables, with the gaps the form cannot
// fill marked as placeholders. Renderers (the .docx, a worksheet) only lay it out.

/** Running text as the form and the engine give it, or a gap the person must fill. */
export type Inline = { text: string } | { placeholder: string };

export type Block =
  /** Level 1 "一、", level 2 "（一）", level 3 "1."; the ordinal is part of the text. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `note` marks the draft's own remarks (what it is, where the sheet differs), not report text. */
  | { kind: 'paragraph'; parts: Inline[]; note?: boolean }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] };

export interface Draft {
  title: Inline[];
  blocks: Block[];
}

/** How a placeholder reads wherever the draft is shown: 【请补充：项目立项背景】. */
export function placeholderText(what: string): string {
  return `【请补充：${what}】`;
}

export function inlineText(part: Inline): string {
  return 'text' in part ? part.text : placeholderText(part.placeholder);
}

export function partsText(parts: Inline[]): string {
  return parts.map(inlineText).join('');
}

export const text = (t: string): Inline => ({ text: t });
export const gap = (what: string): Inline => ({ placeholder: what });

export function paragraph(...parts: Inline[]): Block {
  return { kind: 'paragraph', parts };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99: a report has fewer sections than that). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

export function heading1(n: number, title: string): Block {
  return { kind: 'heading', level: 1, text: `${chineseNumber(n)}、${title}` };
}

export function heading2(n: number, title: string): Block {
  return { kind: 'heading', level: 2, text: `（${chineseNumber(n)}）${title}` };
}

export function heading3(n: number, title: string): Block {
  return { kind: 'heading', level: 3, text: `${n}.${title}` };
}
