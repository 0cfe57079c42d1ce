// A ribbon command (一键重算, 检查) on any host: the same door as the pane, without opening it. A
// command cannot show text, so its outcome is kept in the workbook and the pane says it the next
// time it opens.
import type { SheetReport } from '../core/report';
import type { Door } from './door';
import { asDoorError } from './errors';
import type { CommandId, CommandOutcome } from './records';

function countErrors(reports: SheetReport[]): number {
  return reports.flatMap((r) => [...r.findings, ...r.forms.flatMap((f) => f.findings)]).filter((f) => f.severity === 'error').length;
}

/** Run the command with the profile the workbook remembers; a failure is part of the outcome, never thrown. */
export async function runCommand(door: Door, command: CommandId): Promise<CommandOutcome> {
  const at = new Date().toISOString();
  try {
    const profile = await door.profile();
    if (command === 'recompute') {
      const result = await door.recompute({ profile });
      return { command, at, changed: result.written.length, errors: countErrors(result.reports) };
    }
    const result = await door.check({ profile });
    return { command, at, changed: result.fillsChanged, errors: countErrors(result.reports) };
  } catch (error) {
    const e = asDoorError(error);
    return { command, at, changed: 0, errors: 0, failure: { kind: e.kind, detail: e.message } };
  }
}

/** Run the command and keep its outcome in the workbook (when there is no workbook to keep it in, the pane has nothing to say). */
export async function runAndRecord(door: Door, command: CommandId): Promise<CommandOutcome> {
  const outcome = await runCommand(door, command);
  await door.recordCommand(outcome).catch(() => undefined);
  return outcome;
}
