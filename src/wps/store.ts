// What the add-in keeps in a WPS workbook (the last write for 撤销本次写入, its highlights, the
// profile, the last ribbon command): custom document properties, saved inside the file like the
// Office.js door's settings, invisible on the sheets and read again when the pane or WPS is opened
// anew. Desktop Excel cuts a text property to 255 characters (docs/wps.md); whether WPS does is not
// documented, so a value is written whole and read back. Where it was cut, the value is deflated
// (a form's records are repetitive JSON, some 30 times smaller) and kept in parts as long as the
// host keeps: every property is a call into WPS, and this keeps their number low.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { get } from './access';
import { MSO_PROPERTY_TYPE_STRING, type EtApplication, type EtDocumentProperties } from './jsapi';

/** The part length assumed when a cut value does not tell (Office's limit). */
const PART = 255;
/** Marks a deflated value: no JSON text starts with it. */
const PACKED = '~';

/** Names of a value's properties: `key` holds the number of parts, `key#0`, `key#1`, … the text. */
const partName = (key: string, i: number): string => `${key}#${i}`;

export class DocPropertyStore {
  constructor(private readonly app: EtApplication) {}

  private props(): EtDocumentProperties {
    const wb = get(this.app, 'ActiveWorkbook');
    if (!wb) throw new Error('没有打开的工作簿');
    return get(wb, 'CustomDocumentProperties');
  }

  private read(props: EtDocumentProperties, name: string): string | null {
    try {
      const value = get(props.Item(name), 'Value');
      return value === undefined || value === null ? null : String(value);
    } catch {
      return null;
    }
  }

  /** Write a property; `fresh` (the caller knows it is not there) saves asking first. */
  private write(props: EtDocumentProperties, name: string, text: string, fresh = false): void {
    if (fresh) {
      try {
        props.Add(name, false, MSO_PROPERTY_TYPE_STRING, text);
        return;
      } catch {
        // Left by a write that stopped half-way: set it below.
      }
    }
    let existing;
    try {
      existing = props.Item(name);
    } catch {
      props.Add(name, false, MSO_PROPERTY_TYPE_STRING, text);
      return;
    }
    existing.Value = text;
  }

  private remove(props: EtDocumentProperties, name: string): void {
    try {
      props.Item(name).Delete();
    } catch {
      // Not there: nothing to remove.
    }
  }

  /** The value stored under `key`, or null (absent, or not readable as what was stored). */
  get(key: string): unknown {
    const props = this.props();
    const count = Number(this.read(props, key));
    if (!Number.isInteger(count) || count < 1) return null;
    let text = '';
    for (let i = 0; i < count; i++) {
      const part = this.read(props, partName(key, i));
      if (part === null) return null;
      text += part;
    }
    try {
      return JSON.parse(text.startsWith(PACKED) ? unpack(text.slice(PACKED.length)) : text) as unknown;
    } catch {
      return null;
    }
  }

  /** Store `value` under `key` (null removes it). */
  set(key: string, value: unknown): void {
    const props = this.props();
    const before = Number(this.read(props, key)) || 0;
    if (value === null || value === undefined) {
      for (let i = 0; i < before; i++) this.remove(props, partName(key, i));
      this.remove(props, key);
      return;
    }
    const text = JSON.stringify(value);
    this.write(props, partName(key, 0), text, before === 0);
    let parts = [text];
    const kept = text.length > PART ? this.read(props, partName(key, 0)) : text;
    if (kept !== text) {
      // Cut short: as many characters a part as this host kept.
      const size = kept !== null && kept.length > 0 && text.startsWith(kept) ? kept.length : PART;
      const packed = PACKED + pack(text);
      parts = [];
      for (let i = 0; i < packed.length; i += size) parts.push(packed.slice(i, i + size));
      parts.forEach((part, i) => this.write(props, partName(key, i), part, i > 0 && i >= before));
    }
    for (let i = parts.length; i < before; i++) this.remove(props, partName(key, i));
    this.write(props, key, String(parts.length), before === 0);
  }
}

/** JSON text → deflated → base64, which any property keeps as it is. */
function pack(text: string): string {
  const bytes = deflateSync(strToU8(text), { level: 9 });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function unpack(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}
