// Reading a generated .docx back: its parts, and the text of its paragraphs and table cells.
import { strFromU8, unzipSync } from 'fflate';

export function docxPart(bytes: Uint8Array, path: string): string {
  const parts = unzipSync(bytes, { filter: (f) => f.name === path });
  if (!parts[path]) throw new Error(`no ${path} in the .docx`);
  return strFromU8(parts[path]);
}

const decode = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of an XML fragment: its w:t runs joined. */
export function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

/** Every paragraph outside tables, as text. */
export function paragraphs(documentXml: string): string[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runsText(m[0]));
}

/** Every table as rows of cell texts. */
export function tables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runsText(c[0]))),
  );
}

/** The paragraph XML whose text is exactly `text`. */
export function paragraphXml(documentXml: string, text: string): string {
  const found = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) => runsText(m[0]) === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found[0];
}
