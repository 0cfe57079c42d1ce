// The task pane: runs the actions through the door and keeps what it shows true to the sheet as it
// now is. Drawing lives in ./render (summary, findings, written cells, legend, settings); the
// words and figures come from the pure models beside this file. It takes Office and Excel as given
// (the real globals in Excel, the in-memory ones in the demo) and the element to build in.
import type { Profile } from '../core/profile';
import { ProfileError } from '../core/profile-parse';
import type { SheetReport } from '../core/report';
import type { Door } from '../door/door';
import { DoorError } from '../door/errors';
import type { Notice } from '../door/notices';
import { profileFromChoice } from '../door/profile-choice';
import type { ProfileChoice } from '../door/records';
import { templateSketch, type TemplateType } from '../core/template';
import { debounce } from './debounce';
import { el, fill, show } from './dom';
import { countBySeverity } from '../core/report';
import { paneFindings } from './findings-model';
import { localeFor, t, type Locale, type MessageKey } from './i18n';
import { leftAlone, recomputeText, sentences, writtenItems } from './outcome';
import { explainProfileError, optionFor, profileLabel, profileOptions, readProfileText } from './profile-options';
import { FindingsView } from './render/findings';
import { renderLegend } from './render/legend';
import { SettingsView } from './render/settings';
import { renderSummary } from './render/summary';
import { renderWritten } from './render/written';
import { summarize } from './summary-model';
import { figureDifferences } from '../core/draft/differences';
import { draftReport } from '../core/draft/draft';
import { draftSheet } from '../core/draft/rows';
import type { FormReport } from '../core/report';
import { canDownload, downloadLink, draftDocx, draftFileName } from './report-file';
import { errorText, noticeText } from './messages';

const RECHECK_DELAY_MS = 800;
/** A cell the person changed this long before choosing an action was being committed by it. */
const COMMIT_WINDOW_MS = 2000;

type Tone = 'ok' | 'warn' | 'error' | 'info';

/** What the pane needs of a door (Excel's, WPS's, or the demo's in-memory Excel). */
export type PaneDoor = Pick<
  Door,
  | 'host'
  | 'features'
  | 'check'
  | 'inspect'
  | 'recompute'
  | 'undo'
  | 'clearMarks'
  | 'select'
  | 'insertSheet'
  | 'watch'
  | 'canUndo'
  | 'profileChoice'
  | 'rememberProfile'
  | 'takeLastCommand'
>;

interface Parts {
  buttons: HTMLButtonElement[];
  undo: HTMLButtonElement;
  allSheets: HTMLInputElement;
  progress: HTMLElement;
  status: HTMLElement;
  side: HTMLElement;
  written: HTMLElement;
  report: HTMLElement;
  notices: HTMLElement;
  empty: HTMLElement;
  summary: HTMLElement;
  findings: FindingsView;
  legend: ReturnType<typeof renderLegend>;
  settings: SettingsView;
}

export class Pane {
  private readonly locale: Locale;
  private readonly doc: Document;
  private parts!: Parts;
  private profile: Profile | null = null;
  private choice: ProfileChoice | null = null;
  /** Why the profile the workbook remembers cannot be used, until another is applied. */
  private profileProblem: string | null = null;
  /** The pane shows results: after the person's edits they are re-checked or said to be out of date. */
  private showing = false;
  private live = false;
  private busy = false;
  /** When the person last changed a cell. */
  private lastEdit = 0;
  private readonly recheck = debounce(() => {
    if (this.live && !this.busy) void this.check(true);
  }, RECHECK_DELAY_MS);

  constructor(
    private readonly door: PaneDoor,
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
      this.choice = await this.door.profileChoice();
      this.profile = profileFromChoice(this.choice);
      this.parts.settings.showInUse(
        optionFor(this.choice),
        profileLabel(this.profile, this.choice, this.locale),
        this.choice?.kind === 'custom' ? this.choice.json : undefined,
      );
    } catch (error) {
      // Not the national rules in its place: the actions refuse until a profile that reads is chosen.
      const text = this.choice?.kind === 'custom' ? this.choice.json : '';
      this.profileProblem = explainProfileError(error, text, this.locale).message;
      this.say(this.t('profileStored', { detail: this.profileProblem }), 'error');
    }
    await this.showLastCommand();
    this.refreshUndo();
    // Edits tell the pane its results went out of date (and drive the re-check while typing).
    this.door.watch(() => this.edited()).catch(() => false);
  }

  private build(): void {
    const d = this.doc;
    const button = (key: MessageKey, onClick: () => void, primary = false): HTMLButtonElement => {
      const b = el(d, 'button', { type: 'button', class: primary ? 'btn btn-primary' : 'btn', text: this.t(key) });
      b.addEventListener('click', () => {
        // aria-disabled rather than disabled: a disabled button loses focus to <body>.
        if (b.getAttribute('aria-disabled') !== 'true') onClick();
      });
      return b;
    };
    const check = button('check', () => void this.check(), true);
    const recompute = button('recompute', () => void this.recompute());
    const undo = button('undo', () => void this.undo());
    const clearMarks = button('clearMarks', () => void this.clearMarks());
    const draft = button('draft', () => void this.draft());
    const allSheets = el(d, 'input', { type: 'checkbox', id: 'all-sheets' });
    const progress = el(d, 'div', { class: 'progress', role: 'progressbar', 'aria-label': this.t('working'), hidden: true }, [
      el(d, 'div', { class: 'progress-bar' }),
    ]);
    const status = el(d, 'p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
    const side = el(d, 'p', { class: 'side-note', 'aria-live': 'polite' });
    const written = el(d, 'section', { class: 'written-section', hidden: true });
    const report = el(d, 'section', { class: 'report-section', hidden: true });
    const notices = el(d, 'ul', { class: 'notices' });
    const empty = el(d, 'section', { class: 'empty-state', hidden: true });
    const summary = el(d, 'div', { class: 'summary' });
    const findings = new FindingsView(d, this.locale, (sheet, cell) => void this.select(sheet, cell));
    const legend = renderLegend(d, this.locale);
    const settings = new SettingsView(d, this.locale, profileOptions(this.locale), {
      apply: (id, text, source) => void this.applyProfile(id, text, source),
      live: (on) => this.toggleLive(on),
      insert: (type, year) => void this.insert(type, year),
    });

    for (const node of [
      el(d, 'h1', { class: 'visually-hidden', text: this.t('appTitle') }),
      el(d, 'div', { class: 'actions' }, [check, recompute]),
      el(d, 'div', { class: 'actions' }, [undo, clearMarks]),
      el(d, 'div', { class: 'actions' }, [draft]),
      el(d, 'label', { class: 'option', for: 'all-sheets' }, [allSheets, el(d, 'span', { text: this.t('allSheets') })]),
      progress,
      status,
      side,
      written,
      report,
      notices,
      empty,
      summary,
      findings.root,
      legend.root,
      settings.root,
    ]) {
      this.root.appendChild(node);
    }
    this.parts = {
      buttons: [check, recompute, undo, clearMarks, draft, settings.applyButton, settings.insertButton],
      undo,
      allSheets,
      progress,
      status,
      side,
      written,
      report,
      notices,
      empty,
      summary,
      findings,
      legend,
      settings,
    };
  }

  private scope(): 'active' | 'all' {
    return this.parts.allSheets.checked ? 'all' : 'active';
  }

  /** Run one action with the buttons unavailable and the progress bar shown; failures become one sentence. */
  private async work(action: () => Promise<void>, quiet = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    for (const b of this.parts.buttons) b.setAttribute('aria-disabled', 'true');
    show(this.parts.progress, true);
    this.root.setAttribute('aria-busy', 'true');
    if (!quiet) {
      this.say(this.t('working'));
      this.side('');
    }
    try {
      await action();
    } catch (error) {
      this.say(errorText(this.locale, error), 'error');
    } finally {
      this.busy = false;
      for (const b of this.parts.buttons) b.removeAttribute('aria-disabled');
      this.refreshUndo();
      show(this.parts.progress, false);
      this.root.removeAttribute('aria-busy');
    }
  }

  private refreshUndo(): void {
    if (!this.door.canUndo()) this.parts.undo.setAttribute('aria-disabled', 'true');
  }

  /** 检查; `live` when the person's typing asked for it: then the last action's message stays. */
  async check(live = false): Promise<void> {
    await this.work(async () => {
      const result = await this.door.check({ profile: this.currentProfile(), scope: this.scope() });
      this.show(result.reports, result.notices);
      if (live) {
        this.side(this.t('liveUpdated', { time: new Date().toLocaleTimeString(this.locale === 'zh' ? 'zh-CN' : 'en-US') }));
        return;
      }
      renderWritten(this.doc, this.parts.written, [], this.locale, () => undefined);
      if (!this.hasForm(result.reports)) return this.say(this.t('noFormShort'), 'warn');
      const counts = countBySeverity(paneFindings(result.reports));
      const marked = result.fillsChanged > 0 ? this.t('marked', { n: result.fillsChanged }) : null;
      if (result.fillsChanged > 0) this.parts.legend.set(true);
      this.say(
        sentences(this.locale, [this.t('checked', { errors: counts.error, warnings: counts.warning, infos: counts.info }), marked]),
        'ok',
      );
    }, live);
  }

  async recompute(): Promise<void> {
    const started = Date.now();
    await this.work(async () => {
      const result = await this.door.recompute({ profile: this.currentProfile(), scope: this.scope() });
      this.show(result.reports, result.notices);
      const items = writtenItems(result.written, this.locale);
      renderWritten(this.doc, this.parts.written, items, this.locale, (sheet, cell) => void this.select(sheet, cell));
      if (!this.hasForm(result.reports)) return this.say(this.t('noFormShort'), 'warn');
      const typed = this.typedJustBefore(started);
      this.say(
        recomputeText(this.locale, result.written.length, leftAlone(result.reports), typed),
        result.written.length > 0 ? 'ok' : 'info',
      );
      if (result.written.length > 0) {
        const first = result.written[0].sheet;
        await this.highlight(
          first,
          result.written
            .filter((w) => w.sheet === first)
            .map((w) => w.cell)
            .join(','),
        );
      }
    });
  }

  /** Select the written cells ("H19,H23") in the sheet: Excel's selection marks them without writing a fill. */
  private async highlight(sheet: string, cell: string): Promise<void> {
    await this.door.select(sheet, cell).catch(() => undefined);
  }

  async undo(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.undo();
      renderWritten(this.doc, this.parts.written, [], this.locale, () => undefined);
      if (result.restored === 0 && result.kept === 0) return this.say(this.t('nothingToUndo'));
      const kept = result.kept > 0 ? this.t('undoKept', { n: result.kept }) : null;
      // The sheet holds its old figures again: describe it as it now is.
      if (this.showing) await this.describe();
      this.say(sentences(this.locale, [this.t('undone', { n: result.restored }), kept, this.showing ? this.t('nowShowing') : null]), 'ok');
    });
  }

  async clearMarks(): Promise<void> {
    await this.work(async () => {
      const result = await this.door.clearMarks();
      if (result.restored === 0 && result.kept === 0) return this.say(this.t('noMarks'));
      const kept = result.kept > 0 ? this.t('clearKept', { n: result.kept }) : null;
      this.say(sentences(this.locale, [this.t('cleared', { n: result.restored }), kept]), 'ok');
    });
  }

  /** Read the sheet again, write nothing, and show it. */
  private async describe(): Promise<void> {
    const result = await this.door.inspect({ profile: this.currentProfile(), scope: this.scope() });
    this.show(result.reports, result.notices);
  }

  private async applyProfile(optionId: string, text: string, source: string): Promise<void> {
    const option = profileOptions(this.locale).find((o) => o.id === optionId);
    const json = optionId === 'custom' ? text : option?.json;
    await this.work(async () => {
      let choice: ProfileChoice | null = null;
      let profile: Profile;
      try {
        if (json === undefined) {
          profile = profileFromChoice(null);
        } else {
          const from = optionId === 'custom' ? source || this.t('profilePasted') : (option?.source ?? optionId);
          profile = readProfileText(json, from);
          choice = { kind: 'custom', source: from, json };
        }
      } catch (error) {
        if (!(error instanceof SyntaxError || error instanceof ProfileError)) throw error;
        const problem = explainProfileError(error, json ?? '', this.locale);
        const still =
          this.profile && this.profileProblem === null ? profileLabel(this.profile, this.choice, this.locale) : this.t('profileNone');
        this.parts.settings.showProblem(problem.message, still);
        this.say(this.t('profileRefused'), 'error');
        return;
      }
      await this.door.rememberProfile(choice);
      this.choice = choice;
      this.profile = profile;
      this.profileProblem = null;
      const label = profileLabel(profile, choice, this.locale);
      this.parts.settings.showInUse(optionFor(choice), label);
      // Results shown under the old rules would no longer be true.
      if (this.showing) await this.describe();
      this.say(sentences(this.locale, [this.t('profileSaved', { name: label }), this.showing ? this.t('nowShowing') : null]), 'ok');
    });
  }

  private toggleLive(on: boolean): void {
    this.live = on;
    if (!on) this.recheck.cancel();
    else if (this.showing) this.recheck();
  }

  private edited(): void {
    this.lastEdit = Date.now();
    if (!this.showing) return;
    if (this.live) this.recheck();
    else this.side(this.t('stale'), 'warn');
  }

  /** The person's typing was committed as the action started (Excel holds a batch until the cell edit ends). */
  private typedJustBefore(since: number): boolean {
    return this.lastEdit >= since - COMMIT_WINDOW_MS;
  }

  private async insert(type: TemplateType, yearText: string): Promise<void> {
    // Office 2016 volume-licensed builds (ExcelApi 1.1) cannot merge cells or set widths: say so instead of failing.
    if (!this.door.features.insertSheet) return this.say(this.t('insertUnsupported'), 'warn');
    const year = this.parts.settings.checkYear();
    if (year === null && yearText.trim() !== '') return;
    await this.work(async () => {
      const name = await this.door.insertSheet(templateSketch(type, year ?? undefined, this.currentProfile()));
      renderWritten(this.doc, this.parts.written, [], this.locale, () => undefined);
      await this.describe();
      this.say(this.t('inserted', { name }), 'ok');
    });
  }

  /**
   * 生成自评报告草稿 from the first form on the active sheet. Where the sheet's figures differ from the
   * recomputed ones it first offers to recompute; `asIs` is the person's answer "draft now".
   */
  async draft(asIs = false): Promise<void> {
    await this.work(async () => {
      fill(this.parts.report, []);
      show(this.parts.report, false);
      const result = await this.door.inspect({ profile: this.currentProfile(), scope: 'active' });
      this.show(result.reports, result.notices);
      const form = result.reports.flatMap((r) => r.forms)[0];
      if (!form) return this.say(this.t('noFormShort'), 'warn');
      const differences = figureDifferences(form);
      if (!asIs && differences.length > 0 && form.writes.length > 0) return this.offerRecompute(differences.map((x) => x.cell));
      await this.deliver(form);
    });
  }

  private offerRecompute(cells: string[]): void {
    const d = this.doc;
    const first = el(d, 'button', { type: 'button', class: 'btn btn-primary', text: this.t('draftRecomputeFirst') });
    first.addEventListener('click', () => void this.recompute().then(() => this.draft(true)));
    const asIs = el(d, 'button', { type: 'button', class: 'btn', text: this.t('draftAsIs') });
    asIs.addEventListener('click', () => void this.draft(true));
    fill(this.parts.report, [
      el(d, 'p', { text: this.t('draftDiffers', { n: cells.length, cells: cells.join('、') }) }),
      el(d, 'div', { class: 'actions' }, [first, asIs]),
    ]);
    show(this.parts.report, true);
    this.say(this.t('draftAsk'), 'warn');
    first.focus();
  }

  /** A .docx where the webview can save a file; otherwise the same text as a new worksheet, through the door. */
  private async deliver(form: FormReport): Promise<void> {
    const draft = draftReport(form);
    if (canDownload(this.doc, this.door.host.platform)) {
      const file = draftFileName(draft);
      const link = downloadLink(this.doc, await draftDocx(draft), file, this.t('draftLink', { file }));
      fill(this.parts.report, [el(this.doc, 'p', {}, [link])]);
      show(this.parts.report, true);
      link.click();
      return this.say(this.t('draftDownloaded', { file }), 'ok');
    }
    const name = await this.door.insertSheet(draftSheet(draft));
    this.say(this.t('draftInserted', { name }), 'ok');
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

  private hasForm(reports: SheetReport[]): boolean {
    return reports.some((r) => r.forms.length > 0);
  }

  /** The outcome of the person's last action: stays until they act again. */
  private say(text: string, tone: Tone = 'info'): void {
    this.parts.status.textContent = text;
    this.parts.status.className = `status status-${tone}`;
  }

  /** A note beside the outcome (re-checked while typing, out of date) that never replaces it. */
  private side(text: string, tone: Tone = 'info'): void {
    this.parts.side.textContent = text;
    this.parts.side.className = `side-note status-${tone}`;
    show(this.parts.side, text !== '');
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

  /** Draw what the reports say about the sheet as it now is. */
  private show(reports: SheetReport[], notices: Notice[]): void {
    const d = this.doc;
    this.showing = true;
    this.side('');
    fill(
      this.parts.notices,
      notices.map((n) => el(d, 'li', { class: 'notice', text: noticeText(this.locale, n) })),
    );
    const found = this.hasForm(reports);
    show(this.parts.empty, !found);
    if (!found) this.drawEmpty();
    else fill(this.parts.empty, []);
    renderSummary(d, this.parts.summary, summarize(reports, this.locale), this.locale, (sheet, cell) => void this.select(sheet, cell));
    this.parts.findings.show(paneFindings(reports), found);
  }

  /** No form on the sheet: what the add-in looks for, and the way to a blank one. */
  private drawEmpty(): void {
    const d = this.doc;
    const insert = el(d, 'button', { type: 'button', class: 'btn', text: this.t('emptyInsert') });
    insert.addEventListener('click', () => this.parts.settings.openInsert());
    fill(this.parts.empty, [
      el(d, 'h2', { text: this.t('emptyTitle') }),
      el(d, 'p', { text: this.t('emptyLooksFor') }),
      el(d, 'div', { class: 'actions' }, [insert]),
    ]);
  }
}
