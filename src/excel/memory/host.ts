// An in-memory Excel behind the Office.js surface the door uses (../host.ts): the `Excel` and
// `Office` globals over a MemoryWorkbook. It fails where the real one fails (./context.ts,
// ./range.ts, ./formats.ts, ./worksheets.ts, ./settings.ts), so the door's tests prove something.
import type { CommandEventLike, ExcelSurface, OfficeSurface, RequestContextLike, RunOptionsLike } from '../host';
import { MemoryContext, MemoryOfficeError, versionAtLeast } from './context';
import { MemoryDocumentSettings, MemorySettingCollection } from './settings';
import type { MemoryWorkbook } from './workbook';
import { MemoryWorksheets } from './worksheets';

export { MemoryOfficeError } from './context';

export interface MemoryOffice extends OfficeSurface {
  /** Run a ribbon function command the way Excel does when its button is pressed. */
  invokeAction(actionId: string): Promise<void>;
  /**
   * With `launchedBy`: settles when the command that loaded the function file has completed;
   * rejects when the file had not associated it by the time Office was ready to run it.
   */
  readonly launched: Promise<void>;
}

export interface HostOptions {
  /** The highest ExcelApi requirement set the host supports (default "1.20"). */
  apiVersion?: string;
  /** Office's display language (default "zh-CN"). */
  displayLanguage?: string;
  /**
   * The function file is being loaded because this command's button was pressed: Office is not
   * initialized until the next tick (Office.context is not there before), and then runs the
   * command at once.
   */
  launchedBy?: string;
}

function requestContext(book: MemoryWorkbook, apiVersion: string, delayForCellEdit: boolean): RequestContextLike {
  const ctx = new MemoryContext(book, apiVersion, delayForCellEdit);
  return {
    workbook: {
      worksheets: new MemoryWorksheets(ctx),
      settings: new MemorySettingCollection(ctx),
      application: { suspendApiCalculationUntilNextSync: () => ctx.requireApi('1.6', 'Application.suspendApiCalculationUntilNextSync') },
    },
    sync: () => ctx.sync(),
  };
}

export function createOfficeHost(workbook: MemoryWorkbook, opts: HostOptions = {}): { Excel: ExcelSurface; Office: MemoryOffice } {
  const apiVersion = opts.apiVersion ?? '1.20';
  const actions = new Map<string, (event: CommandEventLike) => void>();
  const Excel: ExcelSurface = {
    // Like Excel.run, also callable with the batch alone.
    run<T>(
      first: RunOptionsLike | ((context: RequestContextLike) => Promise<T>),
      second?: (context: RequestContextLike) => Promise<T>,
    ): Promise<T> {
      const options = typeof first === 'function' ? {} : first;
      const batch = typeof first === 'function' ? first : second;
      if (!batch) return Promise.reject(new MemoryOfficeError('InvalidArgument', 'Excel.run needs a batch function.'));
      const delay = options.delayForCellEdit === true && versionAtLeast(apiVersion, '1.11');
      return batch(requestContext(workbook, apiVersion, delay));
    },
  };
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  let ready = opts.launchedBy === undefined;
  const initialized = new Promise<void>((resolve) =>
    setTimeout(() => {
      ready = true;
      resolve();
    }, 0),
  );
  const context: OfficeSurface['context'] = {
    displayLanguage: opts.displayLanguage ?? 'zh-CN',
    platform: info.platform,
    requirements: {
      isSetSupported(name: string, minVersion = '1.1'): boolean {
        if (name === 'ExcelApi') return versionAtLeast(apiVersion, minVersion);
        if (name === 'AddinCommands') return versionAtLeast('1.1', minVersion);
        return false;
      },
    },
    document: { settings: new MemoryDocumentSettings(workbook) },
  };
  const invoke = (actionId: string): Promise<void> => {
    const action = actions.get(actionId);
    if (!action) return Promise.reject(new Error(`no action associated with ${actionId}`));
    return new Promise((resolve) => action({ completed: () => resolve() }));
  };
  // Office runs the command that loaded the file as soon as it is initialized, before onReady's callbacks.
  const launched = opts.launchedBy === undefined ? Promise.resolve() : initialized.then(() => invoke(opts.launchedBy as string));
  const Office: MemoryOffice = {
    onReady(callback) {
      return initialized.then(() => {
        callback?.(info);
        return info;
      });
    },
    get context() {
      if (!ready) throw new TypeError("Cannot read properties of undefined (reading 'context'): Office is not initialized yet.");
      return context;
    },
    actions: {
      associate(actionId, actionFunction) {
        actions.set(actionId, actionFunction);
      },
    },
    invokeAction: (actionId) => initialized.then(() => invoke(actionId)),
    launched,
  };
  return { Excel, Office };
}
