// The summary cards: per form, the figures in the sheet beside the figures by the rules (one column
// when they agree), why a total is missing, and a bar per 一级指标.
import { el, fill } from '../dom';
import { t, type Locale } from '../i18n';
import type { FigureRow, FormSummary } from '../summary-model';

export function renderSummary(
  doc: Document,
  container: HTMLElement,
  forms: FormSummary[],
  locale: Locale,
  select: (sheet: string, cell: string) => void,
): void {
  fill(
    container,
    forms.map((form, index) => {
      const heading = el(doc, 'h2', { id: `form-${index}`, text: form.title });
      const cellButton = (r: FigureRow, value: string | null, strong: boolean): HTMLElement => {
        const shown = value ?? '—';
        if (!r.cell) return el(doc, 'span', { class: strong ? 'figure-value strong' : 'figure-value', text: shown });
        const cell = r.cell;
        const b = el(doc, 'button', {
          type: 'button',
          class: strong ? 'figure-value link strong' : 'figure-value link',
          title: cell,
          text: shown,
        });
        b.addEventListener('click', () => select(form.sheet, cell));
        return b;
      };
      const rows = form.rows.map((r) =>
        el(doc, 'tr', { class: r.differs ? 'differs' : undefined }, [
          el(doc, 'th', { scope: 'row', text: r.label }),
          ...(form.differs
            ? [
                el(doc, 'td', {}, [cellButton(r, r.sheet ?? (r.rules === null ? null : t(locale, 'emptyCell')), false)]),
                el(doc, 'td', {}, [
                  r.differs ? el(doc, 'span', { class: 'differs-mark', 'aria-hidden': 'true', text: t(locale, 'differsMark') }) : null,
                  cellButton(r, r.rules, r.differs),
                ]),
              ]
            : [el(doc, 'td', {}, [cellButton(r, r.rules ?? r.sheet, false)])]),
        ]),
      );
      const head = form.differs
        ? el(doc, 'thead', {}, [
            el(doc, 'tr', {}, [
              el(doc, 'th', { scope: 'col', text: t(locale, 'figure') }),
              el(doc, 'th', { scope: 'col', text: t(locale, 'inSheet') }),
              el(doc, 'th', { scope: 'col', text: t(locale, 'byRules') }),
            ]),
          ])
        : null;
      const levels = form.levels.map((level) => {
        const bar = el(doc, 'div', { class: 'bar-fill' });
        bar.style.width = `${Math.round(level.ratio * 100)}%`;
        return el(doc, 'div', { class: 'level' }, [
          el(doc, 'span', { class: 'level-name', text: level.name }),
          el(doc, 'div', { class: 'bar', role: 'img', 'aria-label': `${level.name} ${level.text}` }, [bar]),
          el(doc, 'span', { class: 'level-score', text: level.text }),
        ]);
      });
      return el(doc, 'section', { class: 'card', 'aria-labelledby': `form-${index}` }, [
        heading,
        form.scoring ? el(doc, 'p', { class: 'scoring', text: form.scoring }) : null,
        form.rows.length > 0 ? el(doc, 'table', { class: 'figures' }, [head, el(doc, 'tbody', {}, rows)]) : null,
        form.rows.length > 0 ? el(doc, 'p', { class: 'note', text: t(locale, form.differs ? 'figuresDiffer' : 'figuresAgree') }) : null,
        form.noTotal ? el(doc, 'p', { class: 'note', text: form.noTotal }) : null,
        ...levels,
      ]);
    }),
  );
}
