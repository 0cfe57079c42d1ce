// What a person reads in the terminal: per form a few figures and the findings by severity, then
// the totals, and for a batch the forms ranked worst first.
import { SEVERITIES } from '../core/findings';
import { allFindings, countBySeverity, hasErrors as anyErrors, type FormReport } from '../core/report';
import type { Finding, Severity } from '../core/types';
import type { ReviewFile } from '../xlsx/review-rows';
import { jsonWrite, summarize } from './json';

const SEVERITY_TITLE: Record<Severity, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };
const TYPE_TITLE: Record<FormReport['type'], string> = { department: '部门整体支出', project: '项目支出' };
/** A finding quoting a 10,000-character explanation must not flood the terminal. */
const MAX_LINE = 300;
/** Writes listed by name; a long form's full list is in --json. */
const MAX_WRITES = 20;

function clip(text: string, max: number): string {
  const one = text.replace(/\s*\n\s*/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function count(findings: Finding[], severity: Severity): number {
  return countBySeverity(findings)[severity];
}

function findingLines(findings: Finding[], indent: string): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const some = findings.filter((f) => f.severity === severity);
    if (some.length === 0) continue;
    lines.push(`${indent}${SEVERITY_TITLE[severity]}：`);
    for (const f of some) lines.push(`${indent}  ${f.cell.padEnd(5)} ${clip(f.message, MAX_LINE)} [${f.code}]`);
  }
  return lines;
}

/** CJK, Hangul and full-width forms: two columns each (dashes and quotes stay one). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of a text in terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The form's key figures, as the sheet holds them and as the rules give them. */
function figureTable(form: FormReport): string[] {
  const rows: [string, string, string, string][] = [];
  const b = form.budget;
  // A form without scores (form.not-scored) shows its rate only: no score, total or grade to compare.
  const scored = form.scoring !== 'not-scored';
  if (b) {
    rows.push(['预算执行率 rate', b.enteredRate ?? '（空）', b.rate ?? '无法计算', b.cell]);
    if (scored) rows.push([`预算得分 budget (/${b.weight ?? '—'})`, b.enteredScore ?? '（空）', b.score ?? '—', b.scoreCell ?? '']);
  }
  if (form.total) {
    rows.push(['总分 total', form.total.enteredScore ?? '（空）', form.total.score, form.total.cell]);
    if (form.total.enteredWeight !== null && form.total.enteredWeight !== form.total.weight) {
      rows.push(['总分值 weights', form.total.enteredWeight, form.total.weight, form.total.weightCell ?? '']);
    }
  }
  if (scored) rows.push(['等级 grade', form.enteredGrade ?? '—', form.grade ?? '—', form.gradeCell ?? '']);
  const head: [string, string, string, string] = ['', '表中 entered', '按规则 computed', '单元格 cell'];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  return [head, ...rows].map(
    (r) =>
      `    ${r
        .map((c, i) => pad(c, widths[i]))
        .join('  ')
        .trimEnd()}`,
  );
}

export function formLines(form: FormReport, writesTitle: string): string[] {
  const head = [TYPE_TITLE[form.type], form.unit, form.year ? `${form.year} 年度` : null].filter((x) => x).join(' · ');
  const lines = [`  工作表「${form.sheet}」 ${head}（${form.anchor} 起）`, ...figureTable(form)];
  const unmet = form.indicators.filter((i) => i.met === false).length;
  const changed = form.writes.filter((w) => w.reason === 'score').length;
  const f = form.findings;
  lines.push(
    `    指标 ${form.indicators.length} 项：未达标 ${unmet} 项，${form.scoring === 'not-scored' ? '不评分' : `得分需改 ${changed} 项`}；` +
      `错误 ${count(f, 'error')} · 警告 ${count(f, 'warning')} · 提示 ${count(f, 'info')}`,
  );
  lines.push(...findingLines(f, '    '));
  if (form.writes.length > 0) {
    const writes = form.writes
      .slice(0, MAX_WRITES)
      .map((p) => jsonWrite(p))
      .map((w) => `${w.cell} ${clip(w.old || '（空）', 24)} → ${w.new}`);
    const more = form.writes.length > MAX_WRITES ? `；……（其余 ${form.writes.length - MAX_WRITES} 格见 --json）` : '';
    lines.push(`    ${writesTitle} ${form.writes.length} 格：${writes.join('；')}${more}`);
  }
  return lines;
}

export function fileLines(file: ReviewFile, writesTitle: string): string[] {
  const lines = [`━━ ${file.file}`];
  if (file.error !== null) {
    lines.push(`  无法读取 unreadable：${file.error}`);
    return lines;
  }
  for (const sheet of file.sheets) {
    if (sheet.forms.length === 0) {
      lines.push(`  工作表「${sheet.sheet}」 没有找到自评表 no form`);
      lines.push(...findingLines(sheet.findings, '    '));
    }
    for (const form of sheet.forms) lines.push(...formLines(form, writesTitle));
  }
  return lines;
}

interface Ranked {
  label: string;
  errors: number;
  warnings: number;
  total: string | null;
  grade: string | null;
}

/** Every form (and every unreadable file) ranked worst first: most errors, most warnings, lowest total. */
function ranking(files: ReviewFile[]): Ranked[] {
  const rows: Ranked[] = [];
  for (const file of files) {
    if (file.error !== null) {
      rows.push({ label: `${file.file}（无法读取）`, errors: Number.MAX_SAFE_INTEGER, warnings: 0, total: null, grade: null });
      continue;
    }
    for (const sheet of file.sheets) {
      if (sheet.forms.length === 0) {
        rows.push({
          label: `${file.file} › ${sheet.sheet}（无自评表）`,
          errors: count(sheet.findings, 'error'),
          warnings: count(sheet.findings, 'warning'),
          total: null,
          grade: null,
        });
      }
      for (const form of sheet.forms) {
        rows.push({
          label: `${file.file} › ${sheet.sheet}`,
          errors: count(form.findings, 'error'),
          warnings: count(form.findings, 'warning'),
          total: form.total?.score ?? null,
          grade: form.grade,
        });
      }
    }
  }
  const totalOf = (r: Ranked): number => (r.total === null ? -1 : Number(r.total));
  return rows.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || totalOf(a) - totalOf(b));
}

export function summaryLines(files: ReviewFile[]): string[] {
  const s = summarize(files);
  const lines: string[] = [];
  const ranked = ranking(files);
  if (ranked.length > 1) {
    lines.push('排名（问题最多的在前 / worst first）：');
    ranked.forEach((r, i) => {
      const errors = r.errors === Number.MAX_SAFE_INTEGER ? '—' : String(r.errors);
      const figures = r.total === null ? '' : `  总分 ${r.total}  等级 ${r.grade ?? '—'}`;
      lines.push(`  ${String(i + 1).padStart(3)}. ${r.label}  错误 ${errors}  警告 ${r.warnings}${figures}`);
    });
  }
  const unreadable = files.filter((f) => f.error !== null).length;
  lines.push(
    `合计 total：${s.files} 个文件${unreadable ? `（${unreadable} 个无法读取）` : ''}，${s.forms} 张自评表；` +
      `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`,
  );
  return lines;
}

/** The findings of the whole check, for the exit status. */
export function hasErrors(files: ReviewFile[]): boolean {
  return files.some((f) => f.error !== null || anyErrors(allFindings(f.sheets)));
}
