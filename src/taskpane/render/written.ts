// The cells a recompute wrote, old → new, each a button that shows its cell.
import { el, fill, show } from '../dom';
import { t, type Locale } from '../i18n';
import type { WrittenItem } from '../outcome';

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
