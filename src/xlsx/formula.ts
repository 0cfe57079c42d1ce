// A shared formula (ECMA-376 18.3.1.40, <f t="shared">) is stored once, in its first cell; each
// other cell of the group shows it moved by its offset, as a copied formula is: relative references
// move, absolute ($) ones stay. String literals, quoted sheet names and structured references
// ([…]) are copied as they are.

import { columnLetters, columnNumber, MAX_COL, MAX_ROW } from '../core/address';

/** The letters REFERENCE matched (1–3 of them, so always a number; 0 would become #REF!). */
function colNumber(letters: string): number {
  return columnNumber(letters) ?? 0;
}

/**
 * A reference: A1, $A$1, A:A, 1:1 (the two sides of a range are matched one at a time). It must not
 * be part of a longer name (LOG10( is a function, not cell LOG10).
 */
const REFERENCE =
  /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])|(\$?)([A-Za-z]{1,3})(?=:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(]))|(?<=[A-Za-z]{1,3}:)(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/y;

function moveCell(m: RegExpExecArray, dRow: number, dCol: number): string {
  const [, colAbs, letters, rowAbs, digits] = m;
  const col = colAbs ? colNumber(letters) : colNumber(letters) + dCol;
  const row = rowAbs ? Number(digits) : Number(digits) + dRow;
  if (colNumber(letters) > MAX_COL || col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
  return `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
}

function moveColumn(abs: string, letters: string, dCol: number): string {
  const col = abs ? colNumber(letters) : colNumber(letters) + dCol;
  return col < 1 || col > MAX_COL ? '#REF!' : `${abs}${columnLetters(col)}`;
}

const ROW_RANGE = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\d.A-Za-z(])/y;

/** The formula (without "=") as it reads `dRow` rows and `dCol` columns away from where it was written. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote stays inside it.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    const fresh = !/[A-Za-z0-9_.\\]/.test(prev);
    if (fresh && /[\d$]/.test(ch)) {
      // A row range such as 3:5 or $3:$5.
      ROW_RANGE.lastIndex = i;
      const m = ROW_RANGE.exec(formula);
      if (m) {
        const a = m[1] ? Number(m[2]) : Number(m[2]) + dRow;
        const b = m[3] ? Number(m[4]) : Number(m[4]) + dRow;
        out += a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW ? '#REF!' : `${m[1]}${a}:${m[3]}${b}`;
        i += m[0].length;
        continue;
      }
    }
    if (fresh && /[\d.]/.test(ch)) {
      // A number constant, copied whole (its digits are no row).
      let j = i;
      while (j < formula.length && /[\d.]/.test(formula[j])) j++;
      if (/[Ee]/.test(formula[j] ?? '') && /[+\-\d]/.test(formula[j + 1] ?? '')) {
        j += 2;
        while (j < formula.length && /\d/.test(formula[j])) j++;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (fresh && /[A-Za-z$]/.test(ch)) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(formula);
      if (m) {
        if (m[2] !== undefined) out += moveCell(m, dRow, dCol);
        else if (m[6] !== undefined) out += moveColumn(m[5], m[6], dCol);
        else out += moveColumn(m[7], m[8], dCol);
        i += m[0].length;
        continue;
      }
      // A name or a function: copy the whole word so its tail is not read as a reference.
      let j = i + 1;
      while (j < formula.length && /[A-Za-z0-9_.\\]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
