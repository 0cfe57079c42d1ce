// The ribbon's function commands (一键重算, 检查): the same door as the pane, without opening it.
// A function command cannot show text, so the outcome is kept in the workbook's settings and the
// pane shows it the next time it opens.
import { ExcelDoor } from '../excel/door';
import { toDoorError } from '../excel/errors';
import type { CommandEventLike, OfficeHost } from '../excel/host';
import { put, saveSettings } from '../excel/store';

export const LAST_COMMAND_KEY = 'jixiao.lastCommand';

export type CommandId = 'recompute' | 'check';

export interface CommandOutcome {
  command: CommandId;
  at: string;
  /** Cells written (recompute) or fills changed (check). */
  changed: number;
  errors: number;
  /** The DoorError kind and detail when the command failed. */
  failure?: { kind: string; detail: string };
}

async function runCommand(door: ExcelDoor, command: CommandId): Promise<Omit<CommandOutcome, 'command' | 'at'>> {
  const profile = await door.profile();
  if (command === 'recompute') {
    const result = await door.recompute({ profile });
    return { changed: result.written.length, errors: countErrors(result.reports) };
  }
  const result = await door.check({ profile });
  return { changed: result.fillsChanged, errors: countErrors(result.reports) };
}

function countErrors(reports: { findings: { severity: string }[]; forms: { findings: { severity: string }[] }[] }[]): number {
  return reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]).filter((f) => f.severity === 'error').length;
}

export function registerCommands(host: OfficeHost): void {
  const door = new ExcelDoor(host);
  const settings = host.Office.context.document.settings;
  const handler = (command: CommandId) => (event: CommandEventLike) => {
    const at = new Date().toISOString();
    runCommand(door, command)
      .then((outcome): CommandOutcome => ({ command, at, ...outcome }))
      .catch((error: unknown): CommandOutcome => {
        const e = toDoorError(error);
        return { command, at, changed: 0, errors: 0, failure: { kind: e.kind, detail: e.message } };
      })
      .then((outcome) => {
        put(settings, LAST_COMMAND_KEY, outcome);
        return saveSettings(settings);
      })
      .catch(() => undefined)
      .finally(() => event.completed());
  };
  host.Office.actions.associate('recompute', handler('recompute'));
  host.Office.actions.associate('check', handler('check'));
}
