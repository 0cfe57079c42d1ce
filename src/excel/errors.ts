// Office.js failures turned into the door's kinds. Codes are OfficeExtension.ErrorCodes.
import { asDoorError, DoorError } from '../door/errors';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function toDoorError(error: unknown): DoorError {
  if (error instanceof DoorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  switch (codeOf(error)) {
    case 'InvalidOperationInCellEditMode':
      return new DoorError('cell-edit', message);
    case 'AccessDenied':
      return new DoorError('protected', message);
    case 'ApiNotFound':
      return new DoorError('unsupported', message);
    case 'ItemNotFound':
      return new DoorError('not-found', message);
    default:
      return asDoorError(error);
  }
}
