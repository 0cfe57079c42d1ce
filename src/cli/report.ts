// `jixiao report`: which form of the file to draft, and what to say about the draft written.
import { figureDifferences } from '../core/draft/differences';
import type { Draft } from '../core/draft/outline';
import type { FormReport, SheetReport } from '../core/report';

/** The form to draft, or the one line that says why none can be chosen. */
export function chooseForm(file: string, sheets: SheetReport[]): { form: FormReport; note: string | null } | { problem: string } {
  const withForms = sheets.filter((s) => s.forms.length > 0);
  if (withForms.length === 0) {
    return {
      problem: `${file}：没有找到绩效自评表，无法起草报告；需要一行含“三级指标”“年度指标值/实际完成值”“分值”“得分”的表头（no form found）`,
    };
  }
  if (withForms.length > 1) {
    const names = withForms.map((s) => `「${s.sheet}」`).join('');
    return {
      problem: `${file}：${withForms.length} 张工作表${names}上都有自评表，报告一次起草一张；请用 --sheet 指定（several forms: use --sheet）`,
    };
  }
  const [form, ...others] = withForms[0].forms;
  const note =
    others.length > 0
      ? `工作表「${form.sheet}」上有 ${others.length + 1} 张自评表，只起草了第一张（${form.anchor} 起）（drafted the first form only）`
      : null;
  return { form, note };
}

function placeholders(draft: Draft): number {
  const parts = [...draft.title, ...draft.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts : []))];
  return parts.filter((p) => 'placeholder' in p).length;
}

/** What the person reads after the draft is written. */
export function draftLines(out: string, form: FormReport, draft: Draft): string[] {
  const lines = [
    `已写入 ${out}：${form.unit ?? ''}${form.year ? `${form.year}年度` : ''}绩效自评报告草稿，${placeholders(draft)} 处【请补充】待填写（draft written）`,
  ];
  const diffs = figureDifferences(form);
  if (diffs.length > 0) {
    const cells = diffs.map((d) => d.cell).join('、');
    lines.push(
      `表中 ${diffs.length} 处数字与按规则重算的结果不同（${cells}），报告用重算后的数字；可先运行 jixiao recompute 使表一致（figures differ from the recomputed ones）`,
    );
  }
  return lines;
}
