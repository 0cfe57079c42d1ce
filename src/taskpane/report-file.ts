// The drafted 自评报告 in the pane: rendered on demand (the docx library is a chunk of its own, loaded
// only when the button is pressed), then offered as a file where the webview can save one.
import type { Draft } from '../core/draft/outline';
import { partsText } from '../core/draft/outline';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Whether the pane can save a file: an <a download> with a Blob link works in Chromium, Edge and
 * Firefox, so in the demo, in Excel on the web and in Excel on Windows (WebView2). Office on Mac
 * and iPad ignore it (OfficeDev/office-js#3385), and Internet Explorer has no `download`.
 */
export function canDownload(doc: Document, platform: string | null): boolean {
  if (platform === 'Mac' || platform === 'iOS') return false;
  const view = doc.defaultView;
  return (
    'download' in doc.createElement('a') &&
    view !== null &&
    typeof view.Blob === 'function' &&
    typeof view.URL?.createObjectURL === 'function'
  );
}

/** 株洲市公安局渌口分局2022年度部门整体支出绩效自评报告（草稿）.docx, without characters Windows refuses. */
export function draftFileName(draft: Draft): string {
  return `${partsText(draft.title).replace(/[\\/:*?"<>|【】\s]+/g, '')}（草稿）.docx`;
}

export async function draftDocx(draft: Draft): Promise<Uint8Array> {
  const { renderDocx } = await import(/* webpackChunkName: "report" */ '../report/docx');
  return renderDocx(draft);
}

/** A link that saves the bytes under the name; the caller shows it and clicks it once. */
export function downloadLink(doc: Document, bytes: Uint8Array, fileName: string, text: string): HTMLAnchorElement {
  const view = doc.defaultView!;
  const blob = new view.Blob([bytes as BlobPart], { type: DOCX_TYPE });
  const a = doc.createElement('a');
  a.href = view.URL.createObjectURL(blob);
  a.download = fileName;
  a.textContent = text;
  return a;
}
