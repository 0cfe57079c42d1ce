// The ribbon's function commands (一键重算, 检查): the same door as the pane, without opening it.
// A function command cannot show text, so the outcome is kept in the workbook's settings and the
// pane shows it the next time it opens.
import type { SheetReport } from '../core/report';
import type { Door } from '../door/door';
import { asDoorError } from '../door/errors';
import type { CommandId, CommandOutcome } from '../door/records';
import type { CommandEventLike, OfficeSurface } from '../excel/host';

async function runCommand(door: Door, command: CommandId): Promise<Omit<CommandOutcome, 'command' | 'at'>> {
  const profile = await door.profile();
  if (command === 'recompute') {
    const result = await door.recompute({ profile });
    return { changed: result.written.length, errors: countErrors(result.reports) };
  }
  const result = await door.check({ profile });
  return { changed: result.fillsChanged, errors: countErrors(result.reports) };
}

function countErrors(reports: SheetReport[]): number {
  return reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]).filter((f) => f.severity === 'error').length;
}

/** A command's handler: it runs once Office is ready, and always completes the event. */
export function commandHandler(office: Pick<OfficeSurface, 'onReady'>, door: () => Door, command: CommandId): (event: CommandEventLike) => void {
  return (event) => {
    const at = new Date().toISOString();
    void office
      .onReady()
      .then(() => runCommand(door(), command))
      .then((outcome): CommandOutcome => ({ command, at, ...outcome }))
      .catch((error: unknown): CommandOutcome => {
        const e = asDoorError(error);
        return { command, at, changed: 0, errors: 0, failure: { kind: e.kind, detail: e.message } };
      })
      .then((outcome) => door().recordCommand(outcome))
      .catch(() => undefined)
      .finally(() => event.completed());
  };
}

/** Associate every command; `door` is asked for only when a command runs, after Office is ready. */
export function registerCommands(office: Pick<OfficeSurface, 'onReady' | 'actions'>, door: () => Door): void {
  office.actions.associate('recompute', commandHandler(office, door, 'recompute'));
  office.actions.associate('check', commandHandler(office, door, 'check'));
}
