// The task pane: buttons, summary, findings and settings, wired to the door it is given (Excel's,
// WPS's, or the demo's in-memory Excel) and a document.
import type { Profile } from '../core/profile';
import { BUILTIN_PROFILES, ProfileError } from '../core/profiles';
import type { SheetReport } from '../core/report';
import type { Door } from '../door/door';
import { DoorError } from '../door/errors';
import type { Notice } from '../door/notices';
import { customChoice, profileFromChoice } from '../door/profile-choice';
import { templateSketch, type TemplateType } from '../samples/template';
import { debounce } from './debounce';
import { clear, el } from './dom';
import { localeFor, t, type Locale, type MessageKey } from './i18n';
import { countBySeverity, errorText, groupFindings, noticeText, summarize } from './view-model';

const RECHECK_DELAY_MS = 800;

interface Parts {
  buttons: HTMLButtonElement[];
  progress: HTMLElement;
  status: HTMLElement;
  notices: HTMLElement;
  summary: HTMLElement;
  findings: HTMLElement;
  undo: HTMLButtonElement;
  allSheets: HTMLInputElement;
  profileSelect: HTMLSelectElement;
  profileText: HTMLTextAreaElement;
  live: HTMLInputElement;
}

export class Pane {
  private readonly locale: Locale;
  private readonly doc: Document;
  private parts!: Parts;
  private profile: Profile | null = null;
  private profileSource = '';
  /** Why the profile the workbook remembers cannot be used, until another is applied. */
  private profileProblem: string | null = null;
  private watching = false;
  private busy = false;
  private readonly recheck = debounce(() => {
    if (this.parts.live.checked && !this.busy) void this.check();
  }, RECHECK_DELAY_MS);

  constructor(
    private readonly door: Door,
    private readonly root: HTMLElement,
  ) {
    this.locale = localeFor(door.host.displayLanguage);
    this.doc = root.ownerDocument;
  }

  private t(key: MessageKey, vars?: Record<string, string | number>): string {
    return t(this.locale, key, vars);
  }

  async start(): Promise<void> {
    this.doc.documentElement.lang = this.locale === 'en' ? 'en' : 'zh-CN';
    this.doc.title = this.t('appTitle');
    this.build();
    this.say(this.t('ready'));
    try {
      const choice = await this.door.profileChoice();
      if (choice?.kind === 'custom') {
        this.parts.profileSelect.value = 'custom';
        this.parts.profileText.value = choice.json;
        this.parts.profileText.hidden = false;
        this.profileSource = choice.source;
      } else if (choice) this.parts.profileSelect.value = choice.name;
      this.parts.profileSelect.dispatchEvent(new Event('change'));
      this.profile = profileFromChoice(choice);
    } catch (error) {
      // Not the national rules in its place: the actions refuse until a profile that reads is chosen.
      this.profileProblem = error instanceof Error ? error.message : String(error);
      this.say(this.profileErrorText(error), 'error');
    }
    await this.showLastCommand();
    this.parts.undo.disabled = !this.door.canUndo();
  }

  private build(): void {
    const d = this.doc;
    const button = (key: MessageKey, onClick: () => void, primary = false): HTMLButtonElement => {
      const b = el(d, 'button', { type: 'button', class: primary ? 'btn btn-primary' : 'btn', text: this.t(key) });
      b.addEventListener('click', onClick);
      return b;
    };
    const check = button('check', () => void this.check(), true);
    const recompute = button('recompute', () => void this.recompute());
    const undo = button('undo', () => void this.undo());
    const clearMarks = button('clearMarks', () => void this.clearMarks());
    const allSheets = el(d, 'input', { type: 'checkbox', id: 'all-sheets' });
    const progress = el(d, 'div', { class: 'progress', role: 'progressbar', 'aria-label': this.t('working'), hidden: true }, [el(d, 'div', { class: 'progress-bar' })]);
    const status = el(d, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const notices = el(d, 'ul', { class: 'notices' });
    const summary = el(d, 'section', { class: 'summary', 'aria-label': this.t('total') });
    const findings = el(d, 'section', { class: 'findings' });

    const profileSelect = el(d, 'select', { id: 'profile', class: 'field' }, [
      ...Object.entries(BUILTIN_PROFILES).map(([key, profile]) =>
        el(d, 'option', { value: key, text: key === 'national' ? this.t('profileNational') : profile.name }),
      ),
      el(d, 'option', { value: 'custom', text: this.t('profileCustom') }),
    ]);
    const profileText = el(d, 'textarea', { class: 'field code', rows: '5', placeholder: this.t('profilePlaceholder'), hidden: true, spellcheck: 'false' });
    const profileFile = el(d, 'input', { type: 'file', accept: '.json,application/json', class: 'visually-hidden', id: 'profile-file' });
    const profileLoad = button('profileLoad', () => profileFile.click());
    const profileApply = button('profileApply', () => void this.applyProfile());
    profileSelect.addEventListener('change', () => {
      profileText.hidden = profileSelect.value !== 'custom';
      profileLoad.hidden = profileText.hidden;
    });
    profileLoad.hidden = true;
    profileText.addEventListener('input', () => {
      this.profileSource = '';
    });
    profileFile.addEventListener('change', () => {
      const file = profileFile.files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        profileText.value = text;
        this.profileSource = file.name;
      });
    });

    const live = el(d, 'input', { type: 'checkbox', id: 'live' });
    live.addEventListener('change', () => void this.toggleLive());

    const insertType = el(d, 'select', { class: 'field', id: 'insert-type' }, [
      el(d, 'option', { value: 'department', text: this.t('insertDepartment') }),
      el(d, 'option', { value: 'project', text: this.t('insertProject') }),
    ]);
    const insertYear = el(d, 'input', { class: 'field year', id: 'insert-year', type: 'text', inputmode: 'numeric', value: String(new Date().getFullYear()) });
    const insert = button('insert', () => void this.insert(insertType.value as TemplateType, insertYear.value));

    this.root.append(
      el(d, 'header', { class: 'app-header' }, [el(d, 'h1', { text: this.t('appTitle') })]),
      el(d, 'div', { class: 'actions' }, [check, recompute]),
      el(d, 'div', { class: 'actions secondary' }, [undo, clearMarks]),
      el(d, 'label', { class: 'option', for: 'all-sheets' }, [allSheets, el(d, 'span', { text: this.t('allSheets') })]),
      progress,
      status,
      notices,
      summary,
      findings,
      el(d, 'details', { class: 'more' }, [
        el(d, 'summary', { text: this.t('more') }),
        el(d, 'label', { class: 'field-label', for: 'profile', text: this.t('profile') }),
        profileSelect,
        profileText,
        profileFile,
        el(d, 'div', { class: 'actions' }, [profileLoad, profileApply]),
        el(d, 'label', { class: 'option', for: 'live' }, [live, el(d, 'span', { text: this.t('live') })]),
        el(d, 'label', { class: 'field-label', for: 'insert-type', text: this.t('insert') }),
        el(d, 'div', { class: 'actions' }, [insertType, el(d, 'label', { class: 'visually-hidden', for: 'insert-year', text: this.t('year') }), insertYear, insert]),
      ]),
    );
    this.parts = {
      buttons: [check, recompute, undo, clearMarks, profileApply, insert],
      progress,
      status,
      notices,
      summary,
      findings,
      undo,
      allSheets,
      profileSelect,
      profileText,
      live,
    };
  }

  private scope(): 'active' | 'all' {
    return this.parts.allSheets.checked ? 'all' : 'active';
  }

  /** Run one action with the buttons disabled and the progress bar shown; failures become one sentence. */
  private async work(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    for (const b of this.parts.buttons) b.disabled = true;
    this.parts.progress.hidden = false;
    this.root.setAttribute('aria-busy', 'true');
    this.say(this.t('working'));
    try {
      await action();
    } catch (error) {
      this.say(error instanceof ProfileError || error instanceof SyntaxError ? this.profileErrorText(error) : errorText(this.locale, error), 'error');
    } finally {
      this.busy = false;
      for (const b of this.parts.buttons) b.disabled = false;
      this.parts.undo.disabled = !this.door.canUndo();
      this.parts.progress.hidden = true;
      this.root.removeAttribute('aria-busy');
    }
  }

  async check(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.check({ profile: this.currentProfile(), scope: this.scope() });
      this.show(result.reports, result.notices);
      const counts = countBySeverity(result.reports);
      const found = result.reports.some((r) => r.forms.length > 0);
      const text = found ? this.t('checked', { errors: counts.error, warnings: counts.warning, infos: counts.info }) : this.t('noForm');
      this.say(result.fillsChanged > 0 ? `${text} ${this.t('marked', { n: result.fillsChanged })}` : text, found ? 'ok' : 'warn');
    });
  }

  async recompute(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.recompute({ profile: this.currentProfile(), scope: this.scope() });
      this.show(result.reports, result.notices);
      const found = result.reports.some((r) => r.forms.length > 0);
      if (!found) this.say(this.t('noForm'), 'warn');
      else this.say(result.written.length > 0 ? this.t('recomputed', { n: result.written.length }) : this.t('upToDate'), 'ok');
    });
  }

  async undo(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.undo();
      if (result.restored === 0 && result.kept === 0) return this.say(this.t('nothingToUndo'));
      const kept = result.kept > 0 ? ` ${this.t('undoKept', { n: result.kept })}` : '';
      this.say(this.t('undone', { n: result.restored }) + kept, 'ok');
    });
  }

  async clearMarks(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.clearMarks();
      if (result.restored === 0 && result.kept === 0) return this.say(this.t('noMarks'));
      const kept = result.kept > 0 ? ` ${this.t('clearKept', { n: result.kept })}` : '';
      this.say(this.t('cleared', { n: result.restored }) + kept, 'ok');
    });
  }

  private async applyProfile(): Promise<void> {
    await this.work(async () => {
      if (this.parts.profileSelect.value === 'custom') {
        const source = this.profileSource || this.t('profilePasted');
        const { choice, profile } = customChoice(this.parts.profileText.value, source);
        await this.door.rememberProfile(choice);
        this.profile = profile;
      } else {
        const name = this.parts.profileSelect.value;
        await this.door.rememberProfile(name === 'national' ? null : { kind: 'builtin', name });
        this.profile = profileFromChoice(name === 'national' ? null : { kind: 'builtin', name });
      }
      this.profileProblem = null;
      this.say(this.t('profileSaved', { name: this.profile.name }), 'ok');
    });
  }

  private async toggleLive(): Promise<void> {
    if (!this.parts.live.checked) {
      this.recheck.cancel();
      return;
    }
    if (this.watching) return;
    try {
      this.watching = await this.door.watch(() => this.recheck());
      if (!this.watching) {
        this.parts.live.checked = false;
        this.parts.live.disabled = true;
        this.say(this.t('liveUnsupported'), 'warn');
      }
    } catch (error) {
      this.parts.live.checked = false;
      this.say(errorText(this.locale, error), 'error');
    }
  }

  private async insert(type: TemplateType, year: string): Promise<void> {
    await this.work(async () => {
      const name = await this.door.insertSheet(templateSketch(type, year.trim() || undefined, this.currentProfile()));
      this.say(this.t('inserted', { name }), 'ok');
    });
  }

  private async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.door.select(sheet, cell);
    } catch (error) {
      this.say(errorText(this.locale, error), 'error');
    }
  }

  private currentProfile(): Profile | undefined {
    if (this.profileProblem !== null) throw new DoorError('profile', this.profileProblem);
    return this.profile ?? undefined;
  }

  private profileErrorText(error: unknown): string {
    const detail = error instanceof Error ? error.message : String(error);
    return error instanceof SyntaxError ? this.t('profileNotJson', { detail }) : this.t('profileInvalid', { detail });
  }

  private say(text: string, tone: 'ok' | 'warn' | 'error' | 'info' = 'info'): void {
    this.parts.status.textContent = text;
    this.parts.status.className = `status status-${tone}`;
  }

  /** What the ribbon commands did while the pane was closed. */
  private async showLastCommand(): Promise<void> {
    // Said once: the door removes the record, so the next time the pane opens it starts fresh.
    const last = await this.door.takeLastCommand().catch(() => null);
    if (!last) return;
    const name = this.t(last.command === 'recompute' ? 'recompute' : 'check');
    if (last.failure) {
      const key = `error.${last.failure.kind}` as MessageKey;
      this.say(`${name}：${t(this.locale, key, { detail: last.failure.detail })}`, 'error');
    } else if (last.command === 'recompute') {
      this.say(`${name}：${last.changed > 0 ? this.t('recomputed', { n: last.changed }) : this.t('upToDate')}`, 'ok');
    } else {
      this.say(`${name}：${this.t('marked', { n: last.changed })}`, 'ok');
    }
  }

  private show(reports: SheetReport[], notices: Notice[]): void {
    const d = this.doc;
    const { summary, findings } = this.parts;
    clear(this.parts.notices);
    for (const n of notices) this.parts.notices.append(el(d, 'li', { class: 'notice', text: noticeText(this.locale, n) }));

    clear(summary);
    for (const form of summarize(reports, this.locale)) {
      const figure = (label: string, value: string | null): HTMLElement =>
        el(d, 'div', { class: 'figure' }, [el(d, 'span', { class: 'figure-label', text: label }), el(d, 'span', { class: 'figure-value', text: value ?? '—' })]);
      const totalLabel = form.totalWeight ? this.t('totalOf', { weight: form.totalWeight }) : this.t('total');
      const levels = form.levels.map((level) => {
        const fill = el(d, 'div', { class: 'bar-fill' });
        fill.style.width = `${Math.round(level.ratio * 100)}%`;
        return el(d, 'div', { class: 'level' }, [
          el(d, 'span', { class: 'level-name', text: level.name }),
          el(d, 'div', { class: 'bar', role: 'img', 'aria-label': `${level.name} ${level.text}` }, [fill]),
          el(d, 'span', { class: 'level-score', text: level.text }),
        ]);
      });
      summary.append(
        el(d, 'div', { class: 'card' }, [
          el(d, 'h2', { text: form.title }),
          el(d, 'div', { class: 'figures' }, [figure(this.t('rate'), form.rate), figure(totalLabel, form.total), figure(this.t('grade'), form.grade)]),
          ...levels,
        ]),
      );
    }

    clear(findings);
    const groups = groupFindings(reports, this.locale);
    if (groups.length === 0 && reports.some((r) => r.forms.length > 0)) findings.append(el(d, 'p', { class: 'empty', text: this.t('noFindings') }));
    for (const group of groups) {
      const list = el(d, 'ul', { class: 'finding-list' });
      for (const item of group.items) {
        const row = el(d, 'button', { type: 'button', class: `finding finding-${group.severity}`, title: item.code }, [
          el(d, 'span', { class: 'finding-cell', text: item.where }),
          el(d, 'span', { class: 'finding-message', text: item.message }),
        ]);
        row.addEventListener('click', () => void this.select(item.sheet, item.cell));
        list.append(el(d, 'li', {}, [row]));
      }
      findings.append(el(d, 'details', { class: `group group-${group.severity}`, open: true }, [el(d, 'summary', { text: group.title }), list]));
    }
  }
}
