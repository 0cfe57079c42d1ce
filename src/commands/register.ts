// The ribbon's function commands (一键重算, 检查) in Excel: the shared command (../door/command.ts)
// once Office is ready, and the event always completed.
import type { Door } from '../door/door';
import { runAndRecord } from '../door/command';
import type { CommandId } from '../door/records';
import type { CommandEventLike, OfficeSurface } from '../excel/host';

/** A command's handler: it runs once Office is ready, and always completes the event. */
export function commandHandler(
  office: Pick<OfficeSurface, 'onReady'>,
  door: () => Door,
  command: CommandId,
): (event: CommandEventLike) => void {
  return (event) => {
    void office
      .onReady()
      .then(() => runAndRecord(door(), command))
      .catch(() => undefined)
      .finally(() => event.completed());
  };
}

/** Associate every command; `door` is asked for only when a command runs, after Office is ready. */
export function registerCommands(office: Pick<OfficeSurface, 'onReady' | 'actions'>, door: () => Door): void {
  office.actions.associate('recompute', commandHandler(office, door, 'recompute'));
  office.actions.associate('check', commandHandler(office, door, 'check'));
}
