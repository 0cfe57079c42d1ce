// The settings under 设置: the scoring profile (with the state in use always said in words), the
// re-check while typing, and 插入空白表 with its year checked before anything is inserted.
import type { TemplateType } from '../../core/template';
import { disclosure, el, show } from '../dom';
import { t, type Locale } from '../i18n';
import type { ProfileOption } from '../profile-options';

export interface SettingsActions {
  apply(optionId: string, customText: string, source: string): void;
  live(on: boolean): void;
  insert(type: TemplateType, year: string): void;
}

export class SettingsView {
  readonly root: HTMLElement;
  readonly select: HTMLSelectElement;
  readonly applyButton: HTMLButtonElement;
  readonly live: HTMLInputElement;
  readonly insertButton: HTMLButtonElement;
  readonly year: HTMLInputElement;
  private readonly text: HTMLTextAreaElement;
  private readonly custom: HTMLElement;
  private readonly inUse: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly yearProblem: HTMLElement;
  private readonly toggle: { button: HTMLButtonElement; set(open: boolean): void };
  private source = '';
  private usedOption = 'national';

  constructor(
    doc: Document,
    private readonly locale: Locale,
    options: ProfileOption[],
    actions: SettingsActions,
  ) {
    const d = doc;
    const say = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>): string => t(locale, key, vars);
    this.select = el(
      d,
      'select',
      { id: 'profile', class: 'field' },
      options.map((o) => el(d, 'option', { value: o.id, text: o.label })),
    );
    this.text = el(d, 'textarea', {
      id: 'profile-text',
      class: 'field code',
      rows: '6',
      placeholder: say('profilePlaceholder'),
      spellcheck: 'false',
      'aria-describedby': 'profile-problem',
    });
    const file = el(d, 'input', {
      type: 'file',
      accept: '.json,application/json',
      class: 'visually-hidden',
      id: 'profile-file',
      tabindex: '-1',
      'aria-hidden': 'true',
    });
    const load = el(d, 'button', { type: 'button', class: 'btn', text: say('profileLoad') });
    load.addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      // FileReader, not Blob.text(): the older Office webviews lack the latter.
      const reader = new FileReader();
      reader.onload = () => {
        this.text.value = String(reader.result ?? '');
        this.source = chosen.name;
        this.text.focus();
      };
      reader.readAsText(chosen);
      file.value = '';
    });
    this.text.addEventListener('input', () => {
      this.source = '';
    });
    this.problem = el(d, 'p', { id: 'profile-problem', class: 'field-problem', role: 'alert', hidden: true });
    this.custom = el(d, 'div', { class: 'custom-profile' }, [
      el(d, 'label', { class: 'field-label', for: 'profile-text', text: say('profileTextLabel') }),
      this.text,
      file,
      el(d, 'div', { class: 'actions' }, [load]),
    ]);
    this.applyButton = el(d, 'button', { type: 'button', class: 'btn', text: say('profileApply') });
    this.applyButton.addEventListener('click', () => actions.apply(this.select.value, this.text.value, this.source));
    this.select.addEventListener('change', () => this.syncCustom());
    this.inUse = el(d, 'p', { class: 'note', id: 'profile-in-use', 'aria-live': 'polite' });
    this.select.setAttribute('aria-describedby', 'profile-in-use');

    this.live = el(d, 'input', { type: 'checkbox', id: 'live' });
    this.live.addEventListener('change', () => actions.live(this.live.checked));

    const type = el(d, 'select', { class: 'field', id: 'insert-type' }, [
      el(d, 'option', { value: 'department', text: say('insertDepartment') }),
      el(d, 'option', { value: 'project', text: say('insertProject') }),
    ]);
    this.year = el(d, 'input', {
      class: 'field year',
      id: 'insert-year',
      type: 'text',
      inputmode: 'numeric',
      maxlength: '4',
      value: String(new Date().getFullYear()),
      'aria-describedby': 'year-problem',
    });
    this.yearProblem = el(d, 'p', { id: 'year-problem', class: 'field-problem', role: 'alert', hidden: true });
    this.insertButton = el(d, 'button', { type: 'button', class: 'btn', text: say('insert') });
    this.insertButton.addEventListener('click', () => actions.insert(type.value as TemplateType, this.year.value));

    const panel = el(d, 'div', { class: 'settings-body' }, [
      el(d, 'label', { class: 'field-label', for: 'profile', text: say('profile') }),
      this.select,
      this.inUse,
      this.custom,
      this.problem,
      el(d, 'div', { class: 'actions' }, [this.applyButton]),
      el(d, 'label', { class: 'option', for: 'live' }, [this.live, el(d, 'span', { text: say('live') })]),
      el(d, 'h3', { class: 'field-label', id: 'insert-heading', text: say('insert') }),
      el(d, 'div', { class: 'actions', role: 'group', 'aria-labelledby': 'insert-heading' }, [
        el(d, 'label', { class: 'visually-hidden', for: 'insert-type', text: say('insertType') }),
        type,
        el(d, 'label', { class: 'visually-hidden', for: 'insert-year', text: say('year') }),
        this.year,
        this.insertButton,
      ]),
      this.yearProblem,
    ]);
    this.toggle = disclosure(d, 'settings', [say('more')], panel, false);
    this.root = el(d, 'section', { class: 'more' }, [el(d, 'h2', { class: 'small-heading' }, [this.toggle.button]), panel]);
    this.syncCustom();
  }

  private syncCustom(): void {
    show(this.custom, this.select.value === 'custom');
    show(this.problem, false);
    this.text.removeAttribute('aria-invalid');
  }

  /** Open the settings and put the person on the insert form (from the empty state). */
  openInsert(): void {
    this.toggle.set(true);
    this.year.focus();
  }

  /** The profile in use, said in words; the selector shows it too. */
  showInUse(optionId: string, label: string, customText?: string): void {
    this.usedOption = optionId;
    this.select.value = optionId;
    if (customText !== undefined) this.text.value = customText;
    this.inUse.textContent = t(this.locale, 'profileInUse', { name: label });
    this.syncCustom();
  }

  /** A refused profile: the selector goes back to what is in use, the text and the reason stay. */
  showProblem(message: string, stillInUse: string): void {
    const editingCustom = this.select.value === 'custom';
    this.select.value = this.usedOption;
    show(this.custom, editingCustom || this.usedOption === 'custom');
    this.problem.textContent = `${message}${t(this.locale, 'profileStill', { name: stillInUse })}`;
    show(this.problem, true);
    if (editingCustom) {
      this.text.setAttribute('aria-invalid', 'true');
      this.text.focus();
    }
  }

  /** The year of a blank form: four digits, or a reason shown beside the field. */
  checkYear(): string | null {
    const year = this.year.value.trim();
    const ok = /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100;
    show(this.yearProblem, !ok);
    if (ok) {
      this.year.removeAttribute('aria-invalid');
      return year;
    }
    this.yearProblem.textContent = t(this.locale, 'yearInvalid');
    this.year.setAttribute('aria-invalid', 'true');
    this.year.focus();
    return null;
  }
}
