// The .docx renderer in the legacy (IE11) bundle. Internet Explorer cannot save a file from the pane
// (no <a download>), so the pane offers the drafted report as a worksheet there and never asks
// for the .docx; this keeps the docx library, a third of the pane's code, out of that bundle.
import type { Draft } from '../core/draft/outline';
import { DoorError } from '../door/errors';

export function renderDocx(_draft: Draft): Promise<Uint8Array> {
  return Promise.reject(new DoorError('unsupported', 'Internet Explorer 11 cannot save a .docx from the pane'));
}
