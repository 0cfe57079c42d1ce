// Text as a spreadsheet must be given it. Excel (and WPS) read a written string like typed input:
// "100%" becomes the number 1, "2024年1月" a date, full-width "１２３" the number 123, "=…" a
// formula. Text that could be read so gets the apostrophe that keeps it text. The test is wider
// than Excel's conversions on purpose: an apostrophe on text Excel would have kept only sets the
// cell's quote-prefix flag, while a text turned into a date loses what the person typed.

const MONTH_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|am|pm)\b/gi;
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/i;

/** True when Excel might read `text` as something other than text. */
export function mayConvert(text: string): boolean {
  if (/^[=+\-@]/.test(text)) return true;
  const t = text.normalize('NFKC').trim();
  if (/^[=+\-@]/.test(t) || /^(true|false)$/i.test(t) || ERROR_TEXT.test(t)) return true;
  // Digits with only what numbers, percentages, currencies, dates and times are written with.
  return /\d/.test(t) && /^[\s\d.,%‰/:$¥€£()eE+\-年月日时分秒号]*$/.test(t.replace(MONTH_WORDS, ''));
}

/** The value to write so that the cell holds exactly it. */
export function literal<T extends string | number | boolean>(value: T): T | string {
  if (typeof value !== 'string' || value === '') return value;
  return mayConvert(value) ? `'${value}` : value;
}
