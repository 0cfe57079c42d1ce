// What reaches a terminal: control characters and bidirectional overrides in a file name or a
// cell's text could move the cursor, recolour or reorder what the person reads (Trojan Source,
// CVE-2021-42574), so they are shown as \uXXXX escapes instead. The escapes are valid inside JSON
// strings too, so --json output goes through the same function and keeps its meaning.

/**
 * C0 controls except tab and line feed, DEL and C1 controls, and the Unicode bidi marks, embeddings,
 * overrides and isolates (U+061C, U+200E–200F, U+202A–202E, U+2066–2069).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
