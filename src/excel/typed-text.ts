// Text as Excel must be given it. Excel reads a written string like typed input ("100%" becomes
// the number 1, "=…" a formula), so text it would convert gets the apostrophe that keeps it text.

/**
 * Text as Excel must store it. Excel reads a written string like typed input ("100%" becomes the
 * number 1, "=…" a formula), so text it would convert gets the apostrophe that keeps it text.
 */
export function literal<T extends string | number | boolean>(value: T): T | string {
  if (typeof value !== 'string' || value === '') return value;
  const convertible =
    /^[=+\-@]/.test(value) ||
    /^(true|false)$/i.test(value.trim()) ||
    (/\d/.test(value) && /^[\s\d.,%/:$¥￥()eE+-]+$/.test(value));
  return convertible ? `'${value}` : value;
}
