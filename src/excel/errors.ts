// Office.js failures turned into what the pane tells a person. Codes are OfficeExtension.ErrorCodes.

export type DoorErrorKind =
  /** The person is typing in a cell and this Excel cannot wait for it. */
  | 'cell-edit'
  /** The sheet is protected: nothing was written. */
  | 'protected'
  /** This Excel lacks a feature the action cannot do without. */
  | 'unsupported'
  /** No form was found where the action needs one. */
  | 'no-form'
  /** A sheet or cell the action names no longer exists. */
  | 'not-found'
  /** The profile the workbook remembers cannot be read (bad JSON or a refused setting). */
  | 'profile'
  /** Anything else Excel or the document refused, with its own message. */
  | 'api';

export class DoorError extends Error {
  constructor(
    readonly kind: DoorErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DoorError';
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function toDoorError(error: unknown): DoorError {
  if (error instanceof DoorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'ProfileError' || error instanceof SyntaxError)) return new DoorError('profile', message);
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
      return new DoorError('api', message);
  }
}
