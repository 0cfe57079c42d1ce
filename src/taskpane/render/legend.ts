// What the highlight colours mean, in words beside a swatch (the same legend as the help page).
import type { MarkKind } from '../../core/report';
import { MARK_COLORS } from '../../door/marks';
import { disclosure, el } from '../dom';
import { t, type Locale } from '../i18n';

const KINDS: MarkKind[] = ['needs-explanation', 'error', 'explained-loss'];

export function renderLegend(doc: Document, locale: Locale): { root: HTMLElement; set(open: boolean): void } {
  const panel = el(doc, 'div', { class: 'legend-body' }, [
    el(
      doc,
      'ul',
      { class: 'legend' },
      KINDS.map((kind) => {
        const swatch = el(doc, 'span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.backgroundColor = MARK_COLORS[kind];
        return el(doc, 'li', {}, [swatch, el(doc, 'span', { text: t(locale, `legend.${kind}`) })]);
      }),
    ),
    el(doc, 'p', { class: 'note', text: t(locale, 'legendNote') }),
    el(doc, 'a', { class: 'help-link', href: 'help.html', target: '_blank', rel: 'noopener', text: t(locale, 'helpLink') }),
  ]);
  const toggle = disclosure(doc, 'legend', [t(locale, 'legendTitle')], panel, false);
  return {
    root: el(doc, 'section', { class: 'legend-section' }, [el(doc, 'h2', { class: 'small-heading' }, [toggle.button]), panel]),
    set: toggle.set,
  };
}
