// The findings list: a severity filter, one group per severity (提示 collapsed until opened), each
// entry a button that shows its cell. The filter and the open groups stay as the person left them
// when the list is drawn again.
import type { Finding, Severity } from '../../core/types';
import { disclosure, el, fill } from '../dom';
import { SEVERITIES } from '../../core/findings';
import { countBySeverity } from '../../core/report';
import { groupFindings, type FindingEntry, type SeverityFilter } from '../findings-model';
import { t, type Locale } from '../i18n';

export class FindingsView {
  private filter: SeverityFilter = 'all';
  private readonly open: Record<Severity, boolean> = { error: true, warning: true, info: false };
  private findings: Finding[] = [];
  private checked = false;
  readonly root: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    private readonly doc: Document,
    private readonly locale: Locale,
    private readonly select: (sheet: string, cell: string) => void,
  ) {
    this.filters = el(doc, 'div', { class: 'filters', role: 'group', 'aria-label': t(locale, 'filterLabel') });
    this.list = el(doc, 'div', { class: 'groups' });
    this.root = el(doc, 'section', { class: 'findings', 'aria-label': t(locale, 'findingsTitle') }, [this.filters, this.list]);
  }

  /** `checked`: a form was checked, so an empty list means it has no problems. */
  show(findings: Finding[], checked: boolean): void {
    this.findings = findings;
    this.checked = checked;
    if (this.filter !== 'all' && !findings.some((f) => f.severity === this.filter)) this.filter = 'all';
    this.draw();
  }

  private draw(): void {
    const d = this.doc;
    const counts = countBySeverity(this.findings);
    const choices: SeverityFilter[] = ['all', ...SEVERITIES.filter((s) => counts[s] > 0)];
    fill(
      this.filters,
      this.findings.length === 0
        ? []
        : choices.map((choice) => {
            const n = choice === 'all' ? this.findings.length : counts[choice];
            const label = choice === 'all' ? t(this.locale, 'filterAll') : t(this.locale, `severity.${choice}`);
            const b = el(d, 'button', {
              type: 'button',
              class: `chip chip-${choice}`,
              'aria-pressed': String(this.filter === choice),
              text: `${label} ${n}`,
            });
            b.addEventListener('click', () => {
              this.filter = choice;
              this.draw();
              // The list was drawn anew: keep the person on the filter they chose.
              (this.filters.querySelector(`.chip-${choice}`) as HTMLElement | null)?.focus();
            });
            return b;
          }),
    );
    const groups = groupFindings(this.findings, this.locale, this.filter);
    if (groups.length === 0) {
      fill(this.list, this.checked ? [el(d, 'p', { class: 'empty', text: t(this.locale, 'noFindings') })] : []);
      return;
    }
    fill(
      this.list,
      groups.map((group) => {
        const items = el(
          d,
          'ul',
          { class: 'finding-list' },
          group.entries.map((e) => el(d, 'li', {}, [this.entry(e)])),
        );
        const panel = el(d, 'div', { class: 'group-body' }, [
          items,
          group.folded > 0 ? el(d, 'p', { class: 'note', text: t(this.locale, 'foldedNote', { n: group.folded }) }) : null,
        ]);
        const open = this.filter !== 'all' || this.open[group.severity];
        const toggle = disclosure(
          d,
          `group-${group.severity}`,
          [
            el(d, 'span', { class: `severity-word severity-${group.severity}`, text: group.title }),
            el(d, 'span', { class: 'count', text: `（${group.count}）` }),
          ],
          panel,
          open,
          (value) => {
            if (this.filter === 'all') this.open[group.severity] = value;
          },
        );
        toggle.button.classList.add('group-toggle', `group-${group.severity}`);
        return el(d, 'div', { class: `group group-${group.severity}` }, [el(d, 'h3', { class: 'group-title' }, [toggle.button]), panel]);
      }),
    );
  }

  private entry(e: FindingEntry): HTMLElement {
    const d = this.doc;
    const button = el(d, 'button', { type: 'button', class: `finding finding-${e.severity}`, title: e.code }, [
      el(d, 'span', { class: 'finding-cell', text: e.where }),
      el(d, 'span', { class: 'visually-hidden', text: `${t(this.locale, `severity.${e.severity}`)}：` }),
      el(d, 'span', { class: 'finding-message', text: e.message }),
      ...(e.also.length > 0
        ? [
            el(d, 'span', { class: 'finding-also' }, [
              el(d, 'span', { class: 'also-label', text: t(this.locale, 'alsoLabel') }),
              ...e.also.map((a) =>
                el(d, 'span', { class: 'also-item', text: `${t(this.locale, `severity.${a.severity}`)} ${a.where}：${a.message}` }),
              ),
            ]),
          ]
        : []),
    ]);
    button.addEventListener('click', () => this.select(e.sheet, e.cell));
    return button;
  }
}
