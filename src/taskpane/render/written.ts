// The cells a recompute wrote, old → new, each a button that shows its cell.
import { el, fill, show } from '../dom';
import { t, type Locale } from '../i18n';
import type { WrittenItem } from '../outcome';

/** One button for every written cell on the first one's sheet (a selection spans one sheet). */
function selectAll(doc: Document, items: WrittenItem[], locale: Locale, select: (sheet: string, cell: string) => void): HTMLElement {
  const b = el(doc, 'button', { type: 'button', class: 'btn written-all', text: t(locale, 'selectWritten') });
  b.addEventListener('click', () => select(items[0].sheet, writtenCells(items)));
  return b;
}

/** The written cells on the first one's sheet as one address, "H19,H23", for selecting them together. */
function writtenCells(items: WrittenItem[]): string {
  return items
    .filter((item) => item.sheet === items[0].sheet)
    .map((item) => item.cell)
    .join(',');
}

export function renderWritten(
  doc: Document,
  container: HTMLElement,
  items: WrittenItem[],
  locale: Locale,
  select: (sheet: string, cell: string) => void,
): void {
  show(container, items.length > 0);
  fill(
    container,
    items.length === 0
      ? []
      : [
          el(doc, 'h2', { class: 'small-heading', text: t(locale, 'writtenTitle') }),
          ...(items.length > 1 ? [selectAll(doc, items, locale, select)] : []),
          el(
            doc,
            'ul',
            { class: 'written-list' },
            items.map((item) => {
              const b = el(doc, 'button', { type: 'button', class: 'written' }, [
                el(doc, 'span', { class: 'written-cell', text: item.where }),
                ' ',
                el(doc, 'span', { class: 'written-what', text: item.what }),
                ' ',
                el(doc, 'span', { class: 'old', text: item.before }),
                ' → ',
                el(doc, 'span', { class: 'new', text: item.after }),
              ]);
              b.addEventListener('click', () => select(item.sheet, item.cell));
              return el(doc, 'li', {}, [b]);
            }),
          ),
        ],
  );
}
