// Why an action failed, in kinds the pane explains to a person; each host maps its own errors to them.

export type DoorErrorKind =
  /** The person is typing in a cell and the host cannot wait for it. */
  | 'cell-edit'
  /** The sheet is protected (cells to write are locked): nothing was written. */
  | 'protected'
  /** This host lacks a feature the action cannot do without. */
  | 'unsupported'
  /** No form was found where the action needs one. */
  | 'no-form'
  /** A sheet or cell the action names no longer exists. */
  | 'not-found'
  /** Part of the sheet is too large for the host to hand over at all (Excel on the web: 5 MB a request). */
  | 'too-large'
  /** The profile the workbook remembers cannot be read (bad JSON or a refused setting). */
  | 'profile'
  /** Anything else the host or the document refused, with its own message. */
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

/** Any failure as a DoorError: a profile that does not read is 'profile', anything unknown 'api'. */
export function asDoorError(error: unknown): DoorError {
  if (error instanceof DoorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'ProfileError' || error instanceof SyntaxError)) return new DoorError('profile', message);
  return new DoorError('api', message);
}
