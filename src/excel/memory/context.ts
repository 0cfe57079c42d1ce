// The request context of the in-memory Excel: a queue of steps run in order at sync() (a failing
// step stops the batch and the steps before it stay applied, as in Excel), proxies whose
// properties throw until load() + sync(), calls above the host's ExcelApi version failing the
// batch, cell edit mode, and Excel on the web's 5 MB limit on a request and on a response
// (docs/office-js.md). Every sync is logged on the workbook with its steps and bytes.
import type { ClientResultLike } from '../host';
import type { MemoryChange, MemoryWorkbook } from './workbook';

/** Shaped like OfficeExtension.Error: `code` is what callers test. */
export class MemoryOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function versionAtLeast(have: string, want: string): boolean {
  const h = have.split('.').map(Number);
  const w = want.split('.').map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const d = (h[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Excel on the web: "a payload size limit for requests and responses of 5MB". */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What a step adds to a request besides its arguments: the call and the object it is made on. */
const STEP_BYTES = 60;

export function utf8Bytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Step {
  run: () => void;
  /** Bytes of the step's arguments in the request. */
  bytes: number;
}

export interface SyncRecord {
  steps: number;
  requestBytes: number;
  responseBytes: number;
}

export class MemoryContext {
  private queue: Step[] = [];
  private changes: MemoryChange[] = [];
  private stateChanged = false;
  private responseBytes = 0;

  constructor(
    readonly book: MemoryWorkbook,
    readonly apiVersion: string,
    private readonly delayForCellEdit: boolean,
  ) {}

  /** Queue a step; `args` is what it sends (counted against the request limit). */
  push(run: () => void, args?: unknown): void {
    this.queue.push({ run, bytes: args === undefined ? 0 : utf8Bytes(args) });
  }

  /** Queue a step that fails the batch when the host is older than `version`. */
  requireApi(version: string, what: string): void {
    if (versionAtLeast(this.apiVersion, version)) return;
    this.push(() => {
      throw new MemoryOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ${this.apiVersion}.`);
    });
  }

  has(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /** Count what a loaded property sends back. */
  respond(value: unknown): void {
    this.responseBytes += utf8Bytes(value);
  }

  /** Inside a sync: make and load proxies, running their queued steps at once. */
  runNow<T>(make: () => T): T {
    const later = this.queue.splice(0);
    const made = make();
    const now = this.queue.splice(0);
    this.queue.push(...later);
    for (const step of now) step.run();
    return made;
  }

  noteCellWrite(sheet: string, address: string): void {
    this.changes.push({ sheet, address, triggerSource: 'ThisLocalAddin' });
  }

  noteStateChange(): void {
    this.stateChanged = true;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.book.syncCount++;
    if (this.book.cellEditMode) {
      if (!this.delayForCellEdit) {
        this.queue.length = 0;
        throw new MemoryOfficeError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
      await this.book.cellEditDone();
    }
    const steps = this.queue.splice(0);
    const record: SyncRecord = { steps: steps.length, requestBytes: steps.reduce((n, s) => n + STEP_BYTES + s.bytes, 0), responseBytes: 0 };
    this.book.syncs.push(record);
    if (this.book.payloadLimit && record.requestBytes > PAYLOAD_LIMIT) throw payloadError();
    this.responseBytes = 0;
    try {
      for (const step of steps) step.run();
    } finally {
      const changes = this.changes;
      this.changes = [];
      if (changes.length > 0) this.book.emitChanges(changes);
      else if (this.stateChanged) this.book.emitStateChange();
      this.stateChanged = false;
      record.responseBytes = this.responseBytes;
    }
    if (this.book.payloadLimit && record.responseBytes > PAYLOAD_LIMIT) throw payloadError();
  }
}

function payloadError(): MemoryOfficeError {
  return new MemoryOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
}

export function notLoaded(name: string): MemoryOfficeError {
  return new MemoryOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A proxy object: loaded properties are readable only after the sync that loaded them. */
export abstract class MemoryProxy {
  private readonly loaded = new Map<string, unknown>();
  private resolved = false;

  constructor(protected readonly ctx: MemoryContext) {}

  /** Queue the step that resolves this object (runs in order with the other queued steps). */
  protected queueResolve(resolve: () => void): void {
    this.ctx.push(() => {
      resolve();
      this.resolved = true;
    });
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded('isNullObject');
    return this.isNull();
  }

  protected isNull(): boolean {
    return false;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queue loading of properties; "a/b/c" paths load through child objects. */
  protected queueLoad(propertyNames?: string | string[]): void {
    const names =
      propertyNames === undefined ? this.scalarNames() : typeof propertyNames === 'string' ? propertyNames.split(',') : propertyNames;
    const children = new Map<string, string[]>();
    for (const raw of names) {
      const name = raw.trim();
      const slash = name.indexOf('/');
      if (slash < 0) {
        this.ctx.push(() => {
          const value = this.isNull() ? null : this.fetch(name);
          // Collections send their items' own loaded properties, counted as those load.
          if (!(Array.isArray(value) && value[0] instanceof MemoryProxy)) this.ctx.respond(value);
          this.loaded.set(name, value);
        });
        continue;
      }
      const child = name.slice(0, slash);
      children.set(child, [...(children.get(child) ?? []), name.slice(slash + 1)]);
    }
    for (const [child, rest] of children) this.loadChild(child, rest);
  }

  protected loadChild(child: string, rest: string[]): void {
    throw new MemoryOfficeError('InvalidArgument', `cannot load ${child}/${rest.join(',')}`);
  }

  protected abstract scalarNames(): string[];
  protected abstract fetch(name: string): unknown;
}

export class MemoryClientResult<T> implements ClientResultLike<T> {
  private box: { value: T } | null = null;
  constructor(private readonly ctx: MemoryContext) {}
  set(value: T): void {
    this.ctx.respond(value);
    this.box = { value };
  }
  get value(): T {
    if (!this.box) throw notLoaded('value');
    return this.box.value;
  }
}
