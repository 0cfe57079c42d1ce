// Streaming XML over saxes: the parts of a workbook as text, each element reported with where it
// starts and ends in that text, so an editor can splice the text without re-serialising it.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { CORRUPT, XlsxFileError } from './errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A part's bytes as text: UTF-8 (a BOM kept, so the text encodes back to the same bytes). */
export function partText(file: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new XlsxFileError(file, 'corrupt', `部件不是 UTF-8 编码的 XML，无法读取（a part is not UTF-8 XML）`);
  }
}

export interface OpenTag {
  name: string;
  attributes: Record<string, string>;
  /** Index of its "<" in the text. */
  start: number;
  /** Index just past its ">" (for a self-closing tag, past "/>"). */
  end: number;
  selfClosing: boolean;
}

export interface XmlHandlers {
  open?(tag: OpenTag): void;
  /**
   * `end` is the index just past the closing tag, `start` the index of its "</" (for a
   * self-closing tag both are its open end).
   */
  close?(name: string, end: number, start: number): void;
  text?(text: string): void;
}

/** Names without their prefix ("x:c" → "c"): some writers use a prefix for the main namespace. */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Parse the text, calling the handlers; malformed XML becomes the file's "corrupt" error. */
export function scanXml(file: string, text: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let tagStart = 0;
  parser.on('opentagstart', (t) => {
    // saxes reports this just past the character that ended the name: "<" is name + 2 before.
    tagStart = parser.position - t.name.length - 2;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (t: SaxesTagPlain) => {
      open({ name: local(t.name), attributes: t.attributes, start: tagStart, end: parser.position, selfClosing: t.isSelfClosing });
    });
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (t: SaxesTagPlain) => {
      const end = parser.position;
      close(local(t.name), end, t.isSelfClosing ? end : end - t.name.length - 3);
    });
  }
  if (handlers.text) parser.on('text', handlers.text);
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    // A limit a handler reached is the file's own line, not a damaged file.
    if (e instanceof XlsxFileError) throw e;
    failed = true;
  }
  if (failed) throw new XlsxFileError(file, 'corrupt', CORRUPT);
}

/** OOXML's escape for characters XML cannot hold: "_x000D_" is a carriage return (ECMA-376 22.9.2.19). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Characters XML 1.0 cannot hold. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text for an element or an attribute. Characters XML 1.0 cannot hold are written as Excel writes
 * them ("_x0001_"), and a literal "_x…_" is protected the same way, so the text reads back exactly.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(NOT_IN_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]);
}
