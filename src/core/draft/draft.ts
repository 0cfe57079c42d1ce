// The drafted 自评报告 of one form: the usual seven sections of published reports, with
// figures only from the form and the engine's results, and a placeholder wherever the form is silent.
import type { FormReport } from '../report';
import { budgetSection } from './budget-section';
import { conclusionSection, problemsSection } from './conclusion';
import { figureDifferences } from './differences';
import { deviationSection, indicatorSection } from './indicator-sections';
import { gap, heading1, heading2, paragraph, placeholderText, text, type Block, type Draft, type Inline } from './outline';
import { isScored } from './scoring';

const KIND = { department: '部门整体支出', project: '项目支出' } as const;
/** How many differing figures the opening note names before it says "等 N 处". */
const NAMED_DIFFERENCES = 5;

export function draftReport(form: FormReport): Draft {
  const scored = isScored(form);
  const kind = form.layout === 'targets-only' ? '专项资金' : KIND[form.type];
  const year = form.year ? `${form.year}年度` : '';
  const unit: Inline = form.unit ? text(form.unit) : gap(form.type === 'project' ? '项目名称' : '单位名称');
  const subject = `${form.unit ?? ''}${year}${kind}`;
  const title: Inline[] = [unit, text(`${year}${kind}绩效自评报告`)];

  const sections: Array<[string, Block[]]> = [
    ['基本情况', basicSection(form, unit, year, kind)],
    ['预算执行情况', budgetSection(form, scored)],
    ['绩效指标完成情况', indicatorSection(form, scored)],
    ['偏差原因分析及改进措施', deviationSection(form, scored)],
    ['自评结论', conclusionSection(form, scored, subject)],
    ['存在的问题及下一步措施', problemsSection(form)],
    ['结果应用', [paragraph(gap('自评结果的应用情况：整改落实、与下一年度预算安排挂钩、信息公开等'))]],
  ];
  const blocks: Block[] = [...notes(form, scored)];
  sections.forEach(([name, body], i) => blocks.push(heading1(i + 1, name), ...body));
  return { title, blocks };
}

function notes(form: FormReport, scored: boolean): Block[] {
  const out: Block[] = [
    {
      kind: 'paragraph',
      note: true,
      parts: [
        text(
          `（草稿：由绩效自评助手根据工作表「${form.sheet}」中的自评表生成，文中数字为按规则重算后的结果；标有${placeholderText('…')}的地方需要补充，全文请核对后使用。）`,
        ),
      ],
    },
  ];
  if (!scored) out.push({ kind: 'paragraph', note: true, parts: [text('（本表不评分：表中没有分值和得分，报告不写总分和等级。）')] });
  const diffs = figureDifferences(form);
  if (diffs.length > 0) {
    const named = diffs.slice(0, NAMED_DIFFERENCES).map((d) => `${d.what}表中为${d.entered || '空'}，重算为${d.computed}（${d.cell}）`);
    const more = diffs.length > NAMED_DIFFERENCES ? `等${diffs.length}处` : '';
    out.push({
      kind: 'paragraph',
      note: true,
      parts: [
        text(
          `（注意：表中有数字与按规则重算的结果不同：${named.join('；')}${more}。本报告采用重算后的数字，请先在表中重算或核对，使表与报告一致。）`,
        ),
      ],
    });
  }
  return out;
}

function basicSection(form: FormReport, unit: Inline, year: string, kind: string): Block[] {
  const goal = (label: string): Inline => {
    const g = form.goals.find((x) => x.label === label);
    return g && g.text.trim() !== '' ? text(g.text.trim()) : gap(`年度总体目标的${label}（表中未填写）`);
  };
  const who = form.type === 'project' ? '项目' : '单位';
  const background = form.type === 'project' ? '项目立项背景、主要内容、资金来源和实施单位' : '部门职能、机构设置、人员编制和年度主要工作';
  const blocks: Block[] = [
    heading2(1, `${who}基本情况`),
    paragraph(text('本报告为'), unit, text(`${year}${kind}绩效自评报告。`), gap(background)),
    heading2(2, '年度绩效目标'),
  ];
  for (const para of paragraphsOf(goal('预期目标'))) blocks.push(paragraph(para));
  blocks.push(heading2(3, '年度目标实际完成情况'));
  for (const para of paragraphsOf(goal('实际完成情况'))) blocks.push(paragraph(para));
  blocks.push(heading2(4, '自评工作开展情况'), paragraph(gap('自评工作的组织方式、参与人员、依据和过程')));
  return blocks;
}

/** A goal typed with line breaks becomes one paragraph per line. */
function paragraphsOf(part: Inline): Inline[] {
  if (!('text' in part)) return [part];
  return part.text
    .split(/\s*\n\s*/)
    .filter((line) => line !== '')
    .map((line) => text(line));
}
