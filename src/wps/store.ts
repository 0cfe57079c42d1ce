// What the add-in keeps in a WPS workbook (the last write for 撤销本次写入, its highlights, the
// profile): custom document properties, saved inside the file like the Office.js door's settings,
// invisible on the sheets and read again when the pane or WPS is opened anew. Office keeps at most
// 255 characters in a text property (docs/wps.md); a value is written whole when this WPS keeps it
// whole (checked by reading it back) and otherwise in 255-character parts.
import { get } from './access';
import { MSO_PROPERTY_TYPE_STRING, type EtApplication, type EtDocumentProperties } from './jsapi';

const PART = 255;

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

  private write(props: EtDocumentProperties, name: string, text: string): void {
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
      return JSON.parse(text) as unknown;
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
    this.write(props, partName(key, 0), text);
    let parts = [text];
    if (text.length > PART && this.read(props, partName(key, 0)) !== text) {
      parts = [];
      for (let i = 0; i < text.length; i += PART) parts.push(text.slice(i, i + PART));
      parts.forEach((part, i) => this.write(props, partName(key, i), part));
    }
    for (let i = parts.length; i < before; i++) this.remove(props, partName(key, i));
    this.write(props, key, String(parts.length));
  }
}
