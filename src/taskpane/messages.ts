// Failures and notices as the sentences the pane says (tested in Node).
import { READ_WINDOW, type Notice } from '../door/notices';
import { DoorError } from '../door/errors';
import { t, type Locale } from './i18n';

export function noticeText(locale: Locale, notice: Notice): string {
  return t(locale, `notice.${notice}`, READ_WINDOW);
}

/** A failure as one short sentence for the person. */
export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof DoorError) return t(locale, `error.${error.kind}`, { detail: error.message });
  return t(locale, 'error.api', { detail: error instanceof Error ? error.message : String(error) });
}
