// New cell formats for written cells, appended to xl/styles.xml: each is a copy of the cell's own
// format (borders, font, alignment kept) with the number format or fill asked for. Existing
// entries are never changed, so every other cell keeps its look; the text is spliced, not rebuilt.
import { BUILTIN_FORMATS, type Styles } from './styles';
import { escapeXml } from './xml';

/** The first id Excel leaves to custom number formats. */
const FIRST_CUSTOM = 164;

interface Insert {
  at: number;
  text: string;
  /** Replace text from `at` up to `to` (an open tag rewritten with its new count). */
  to?: number;
}

export class StyleEditor {
  private readonly newFmts: { id: number; code: string }[] = [];
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  /** "base|numFmtId|fillId" → the xf index made for it. */
  private readonly made = new Map<string, number>();
  private nextFmtId: number;

  constructor(
    private readonly text: string,
    private readonly styles: Styles,
  ) {
    this.nextFmtId = Math.max(FIRST_CUSTOM - 1, ...styles.numFmts.keys()) + 1;
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, c] of this.styles.numFmts) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code && !this.styles.numFmts.has(Number(id))) return Number(id);
    const made = this.newFmts.find((f) => f.code === code);
    if (made) return made.id;
    const id = this.nextFmtId++;
    this.newFmts.push({ id, code });
    return id;
  }

  private fillId(fill: string | null): number {
    if (fill === null) return 0;
    const rgb = fill.replace('#', '').toUpperCase();
    const existing = this.styles.fills.findIndex((f) => f?.replace('#', '').toUpperCase() === rgb);
    if (existing >= 0) return existing;
    const made = this.newFills.indexOf(rgb);
    if (made >= 0) return this.styles.fills.length + made;
    this.newFills.push(rgb);
    return this.styles.fills.length + this.newFills.length - 1;
  }

  /** The XML of a cell format, existing or made here; null when there is no such index. */
  private xfXml(index: number): string | null {
    const xf = this.styles.cellXfs[index];
    if (xf) return this.text.slice(xf.start, xf.end);
    return this.newXfs[index - this.styles.cellXfs.length] ?? null;
  }

  /** The cell format to give a cell whose format is `base`, with a number format and/or fill changed. */
  formatFor(base: number, set: { numberFormat?: string; fill?: string | null }): number {
    const known = this.xfXml(base) !== null;
    const xml = this.xfXml(known ? base : 0);
    const attr = (name: string): number => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(xml ?? '')?.[1] ?? 0);
    const numFmtId = set.numberFormat !== undefined ? this.numFmtId(set.numberFormat) : attr('numFmtId');
    const fillId = set.fill !== undefined ? this.fillId(set.fill) : attr('fillId');
    if (known && attr('numFmtId') === numFmtId && attr('fillId') === fillId) return base;
    const key = `${base}|${numFmtId}|${fillId}`;
    const done = this.made.get(key);
    if (done !== undefined) return done;
    const index = this.styles.cellXfs.length + this.newXfs.length;
    this.newXfs.push(
      xml
        ? copyXf(xml, numFmtId, fillId)
        : `<xf numFmtId="${numFmtId}" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>`,
    );
    this.made.set(key, index);
    return index;
  }

  /** A cell format like `base` that wraps its text, centred vertically (a new sheet's long labels). */
  wrapping(base: number): number {
    const key = `${base}|wrap`;
    const done = this.made.get(key);
    if (done !== undefined) return done;
    const xml = this.xfXml(base) ?? this.xfXml(0);
    const open = xml
      ? xml.replace(/\s*\/?>[\s\S]*$/, '').replace(/\sapplyAlignment="[^"]*"/, '')
      : '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"';
    const index = this.styles.cellXfs.length + this.newXfs.length;
    this.newXfs.push(`${open} applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>`);
    this.made.set(key, index);
    return index;
  }

  /** The styles part with the new entries appended and the lists' counts updated. */
  result(): string {
    const inserts: Insert[] = [];
    const lists = this.styles.lists;
    const append = (name: 'numFmts' | 'fills' | 'cellXfs', items: string[], before: string[]): void => {
      if (items.length === 0) return;
      const list = lists[name];
      if (!list) {
        // No such list yet: create it where the schema puts it (before the first of `before` present).
        const at = before.map((n) => this.text.indexOf(`<${n}`)).filter((i) => i >= 0)[0] ?? this.styles.sheetOpenEnd;
        inserts.push({ at, text: `<${name} count="${items.length}">${items.join('')}</${name}>` });
        return;
      }
      const openTag = this.text.slice(list.start, list.selfClosing ? list.close : list.openEnd - 1).replace(/\s+count="\d*"/, '');
      const count = list.count + items.length;
      if (list.selfClosing) {
        inserts.push({ at: list.start, to: list.openEnd, text: `${openTag} count="${count}">${items.join('')}</${name}>` });
      } else {
        inserts.push({ at: list.start, to: list.openEnd, text: `${openTag} count="${count}">` });
        inserts.push({ at: list.close, text: items.join('') });
      }
    };
    append(
      'numFmts',
      this.newFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`),
      ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'],
    );
    append(
      'fills',
      this.newFills.map(
        (rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`,
      ),
      ['borders', 'cellStyleXfs', 'cellXfs'],
    );
    append('cellXfs', this.newXfs, ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);
    inserts.sort((a, b) => a.at - b.at);
    let out = '';
    let at = 0;
    for (const i of inserts) {
      out += this.text.slice(at, i.at) + i.text;
      at = i.to ?? i.at;
    }
    return out + this.text.slice(at);
  }
}

/** An <xf> element copied with another number format and fill, told to apply them. */
function copyXf(xml: string, numFmtId: number, fillId: number): string {
  const end = xml.indexOf('>');
  let open = xml.slice(0, end);
  const rest = xml.slice(end);
  const setAttr = (name: string, value: string | number): void => {
    const re = new RegExp(`\\s${name}="[^"]*"`);
    open = re.test(open)
      ? open.replace(re, ` ${name}="${value}"`)
      : `${open.replace(/\/$/, '')} ${name}="${value}"${open.endsWith('/') ? '/' : ''}`;
  };
  setAttr('numFmtId', numFmtId);
  setAttr('fillId', fillId);
  setAttr('applyNumberFormat', 1);
  setAttr('applyFill', 1);
  return open + rest;
}
