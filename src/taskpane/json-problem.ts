// Where a JSON text first goes wrong, and the likely slip, so the pane can say it in words (the
// browser's own JSON.parse messages differ between engines and speak of tokens and positions).
export type JsonSlip =
  | 'chinese-punctuation'
  | 'single-quote'
  | 'unquoted-key'
  | 'trailing-comma'
  | 'missing-comma'
  | 'missing-colon'
  | 'unclosed-string'
  | 'unexpected-end'
  | 'unexpected';

export interface JsonProblem {
  kind: JsonSlip;
  /** 1-based. */
  line: number;
  column: number;
}

class Stop extends Error {
  constructor(
    readonly kind: JsonSlip,
    readonly at: number,
  ) {
    super(kind);
  }
}

const CHINESE_PUNCTUATION = /[，：“”‘’｛｝［］；]/;

/** The first problem in `text`, or null when it is valid JSON. */
export function jsonProblem(text: string): JsonProblem | null {
  let i = 0;
  const space = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = (kind: JsonSlip, at = i): never => {
    throw new Stop(kind, at);
  };
  const odd = (): never => {
    if (i >= text.length) return fail('unexpected-end');
    const ch = text[i];
    if (CHINESE_PUNCTUATION.test(ch)) return fail('chinese-punctuation');
    if (ch === "'") return fail('single-quote');
    return fail('unexpected');
  };
  const string = (): void => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('unclosed-string', start);
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('unclosed-string', start);
    i++;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    const word = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (word) {
      i += word[0].length;
      return;
    }
    odd();
  };
  const list = (close: string, item: () => void): void => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === ',') {
        const comma = i;
        i++;
        space();
        if (text[i] === close) fail('trailing-comma', comma);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      if (i < text.length && (text[i] === '"' || /[\w{[]/.test(text[i]))) fail('missing-comma');
      odd();
    }
  };
  const object = (): void =>
    list('}', () => {
      space();
      if (text[i] === "'") fail('single-quote');
      if (i < text.length && /[A-Za-z_\u4e00-\u9fff]/.test(text[i])) fail('unquoted-key');
      if (text[i] !== '"') odd();
      string();
      space();
      if (text[i] !== ':') {
        if (text[i] === '：') fail('chinese-punctuation');
        fail('missing-colon');
      }
      i++;
      value();
    });
  const array = (): void => list(']', value);

  try {
    value();
    space();
    if (i < text.length) odd();
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at).split('\n');
    return { kind: e.kind, line: before.length, column: before[before.length - 1].length + 1 };
  }
}
