// An .xlsx as an Open Packaging Conventions package (ECMA-376 part 2): the workbook part found from
// the package relationships, its sheets and their parts found from the workbook's relationships,
// whatever the parts are called, and the shared strings and styles the sheets refer to.
import { CORRUPT, XlsxFileError } from './errors';
import type { ReadLimits } from './limits';
import { NO_STYLES, parseStyles, type Styles } from './styles';
import { partText, scanXml, unescapeOoxml } from './xml';
import { ZipArchive, type Inflater } from './zip';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at, as a zip name without a leading "/", or the raw target when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** The zip name of its part. */
  part: string;
  /** Index in the workbook's <sheets>. */
  index: number;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

export class XlsxPackage {
  private constructor(
    readonly file: string,
    readonly zip: ZipArchive,
    readonly workbookPart: string,
    readonly sheets: SheetEntry[],
    readonly date1904: boolean,
    readonly sharedStringsPart: string | null,
    readonly stylesPart: string | null,
    readonly macroEnabled: boolean,
  ) {}

  static open(file: string, data: Uint8Array, limits: ReadLimits, inflate?: Inflater): XlsxPackage {
    const zip = ZipArchive.open(file, data, limits, inflate);
    const root = readRels(zip, '', '_rels/.rels');
    const doc = root.find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
    if (!doc || !zip.has(doc.target))
      throw new XlsxFileError(file, 'not-xlsx', '不是 .xlsx 工作簿，请用 Excel 另存为 .xlsx（not an .xlsx file）');
    const workbookPart = zip.entry(doc.target)!.name;
    const rels = readRels(zip, workbookPart, relsPartOf(workbookPart));
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    scanXml(file, partText(file, zip.read(workbookPart)), {
      open(t) {
        if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
        if (t.name !== 'sheet') return;
        const id = Object.entries(t.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
        const rel = id === undefined ? undefined : byId.get(id);
        // A chart sheet or a dialog sheet is not a worksheet: nothing of a form is on it.
        if (!rel || !WORKSHEET.test(rel.type) || rel.external) return;
        const entry = zip.entry(rel.target);
        if (!entry) throw new XlsxFileError(file, 'corrupt', CORRUPT);
        sheets.push({ name: t.attributes.name ?? `Sheet${sheets.length + 1}`, part: entry.name, index: sheets.length });
      },
    });
    const part = (re: RegExp): string | null => {
      const r = rels.find((x) => re.test(x.type) && !x.external);
      return r && zip.has(r.target) ? zip.entry(r.target)!.name : null;
    };
    let macroEnabled = false;
    if (zip.has('[Content_Types].xml')) {
      scanXml(file, partText(file, zip.read('[Content_Types].xml')), {
        open(t) {
          if (t.name === 'Override' && (t.attributes.PartName ?? '').replace(/^\//, '').toLowerCase() === workbookPart.toLowerCase()) {
            macroEnabled = /macroEnabled/i.test(t.attributes.ContentType ?? '');
          }
        },
      });
    }
    return new XlsxPackage(file, zip, workbookPart, sheets, date1904, part(SHARED_STRINGS), part(STYLES), macroEnabled);
  }

  text(part: string): string {
    return partText(this.file, this.zip.read(part));
  }

  private stylesCache: Styles | undefined;

  styles(): Styles {
    this.stylesCache ??= this.stylesPart ? parseStyles(this.file, this.text(this.stylesPart)) : NO_STYLES;
    return this.stylesCache;
  }

  private stringsCache: string[] | undefined;

  sharedStrings(): string[] {
    this.stringsCache ??= this.sharedStringsPart ? parseSharedStrings(this.file, this.text(this.sharedStringsPart)) : [];
    return this.stringsCache;
  }
}

export function readRels(zip: ZipArchive, fromPart: string, relsPart: string): Relationship[] {
  if (!zip.has(relsPart)) return [];
  const out: Relationship[] = [];
  scanXml(zip.file, partText(zip.file, zip.read(relsPart)), {
    open(t) {
      if (t.name !== 'Relationship') return;
      const { Id = '', Type = '', Target = '', TargetMode } = t.attributes;
      const external = TargetMode === 'External';
      out.push({ id: Id, type: Type, target: external ? Target : resolveTarget(fromPart, Target), external });
    },
  });
  return out;
}

/**
 * The shared strings (ECMA-376 18.4.9): each <si> as the text a person sees, rich-text runs joined,
 * phonetic runs (<rPh>) left out.
 */
export function parseSharedStrings(file: string, text: string): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  scanXml(file, text, {
    open(t) {
      if (t.name === 'si') {
        inSi = true;
        current = '';
        if (t.selfClosing) {
          out.push('');
          inSi = false;
        }
      } else if (t.name === 'rPh') {
        if (!t.selfClosing) phonetic++;
      } else if (t.name === 't' && !t.selfClosing) inT = true;
    },
    text(s) {
      if (inSi && inT && phonetic === 0) current += s;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inSi) {
        out.push(unescapeOoxml(current));
        inSi = false;
      }
    },
  });
  return out;
}
