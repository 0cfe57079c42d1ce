// WPS failures turned into the door's kinds. WPS throws plain Errors with its own (Chinese) message.
import { asDoorError, DoorError } from '../door/errors';

export function toWpsDoorError(error: unknown): DoorError {
  if (error instanceof DoorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/受保护|protected/i.test(message)) return new DoorError('protected', message);
  if (/正在编辑|edit mode/i.test(message)) return new DoorError('cell-edit', message);
  return asDoorError(error);
}
