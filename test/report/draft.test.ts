// The drafted report's outline: content only from the form and the engine, placeholders where the
// form is silent, the recomputed figures with a note where the sheet differs.
import { draftReport } from '../../src/core/draft/draft';
import { figureDifferences } from '../../src/core/draft/differences';
import { partsText, type Block, type Draft } from '../../src/core/draft/outline';
import { draftRows, draftSheet, draftText } from '../../src/core/draft/rows';
import { coefficientForm, targetsOnlyForm } from '../fixtures/families';
import { formOf, projectForm, SEED_LOST_ROWS, seedForm, seedWithoutExplanations, unscoredForm } from './forms';

function section(draft: Draft, title: string): Block[] {
  const start = draft.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && b.text.endsWith(title));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = draft.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return draft.blocks.slice(start + 1, end < 0 ? undefined : end);
}

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) =>
      b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? partsText(b.parts) : [b.caption, ...b.head, ...b.rows.flat()].join('|'),
    )
    .join('\n');
}

const placeholders = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? b.parts.flatMap((p) => ('placeholder' in p ? [p.placeholder] : [])) : []));

describe('the seed form', () => {
  const draft = draftReport(seedForm());

  test('the seven sections of published reports, in order', () => {
    const heads = draft.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(heads).toEqual([
      '一、基本情况',
      '二、预算执行情况',
      '三、绩效指标完成情况',
      '四、偏差原因分析及改进措施',
      '五、自评结论',
      '六、存在的问题及下一步措施',
      '七、结果应用',
    ]);
    expect(partsText(draft.title)).toBe('株洲市公安局渌口分局2022年度部门整体支出绩效自评报告');
  });

  test('基本情况 quotes the goals as typed and leaves background and organisation to the person', () => {
    const s = section(draft, '基本情况');
    expect(textOf(s)).toContain('围绕区委“青春渌口、创业新城”的发展理念');
    expect(textOf(s)).toContain('经考核评定，圆满完成了年度绩效目标。');
    expect(placeholders(s)).toEqual(['部门职能、机构设置、人员编制和年度主要工作', '自评工作的组织方式、参与人员、依据和过程']);
  });

  test('预算执行情况: recomputed rate, the breakdowns by source, and a sentence on the adjustment', () => {
    const t = textOf(section(draft, '预算执行情况'));
    expect(t).toContain(
      '年初预算数5685.44万元，全年预算数8016.09万元，全年执行数8016.09万元，预算执行率100.00%（该项分值10分，得10.00分）',
    );
    expect(t).toContain('全年预算数比年初预算数增加2330.65万元（增长40.99%）');
    expect(t).toContain(
      '按收入性质分：一般公共预算7897.75万元，政府性基金拨款0万元，纳入专户管理的非税收入拨款0万元，其他资金118.34万元。',
    );
    expect(t).toContain('按支出性质分：基本支出7067.17万元，项目支出948.92万元。');
  });

  test('绩效指标完成情况: every indicator in a table per level, with a sentence per level', () => {
    const s = section(draft, '绩效指标完成情况');
    const tables = s.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(tables.map((t) => t.caption)).toEqual([
      '表1  产出指标 · 数量指标',
      '表2  产出指标 · 质量指标',
      '表3  产出指标 · 时效指标',
      '表4  效益指标 · 经济效益指标',
      '表5  效益指标 · 社会效益指标',
      '表6  效益指标 · 生态效益指标',
      '表7  效益指标 · 可持续影响指标',
      '表8  满意度指标 · 服务对象满意度指标',
    ]);
    expect(tables[0].head).toEqual(['指标', '年度指标值', '实际完成值', '分值', '得分', '是否完成']);
    const names = tables.flatMap((t) => t.rows.map((r) => r[0]));
    expect(names).toEqual(seedForm().indicators.map((i) => i.name));
    expect(tables[0].rows[5]).toEqual(['男性家族排查系统建设DNA数据采集数', '10000 份', '9580', '2', '1.92', '否']);
    const t = textOf(s);
    expect(t).toContain('产出指标共20项，分值50分，得47.87分，完成17项，未完成3项。');
    expect(t).toContain(
      '质量指标共4项，分值10分，得8.00分，完成3项，未完成1项：“刑事案件发案率与上年比较”（年度指标值：下降，实际完成值：上升 9.11%）。',
    );
    expect(t).toContain('满意度指标共3项，分值10分，得10.00分，全部完成。');
  });

  test('偏差原因分析: the explanations of the rows that lost points, row by row', () => {
    const t = textOf(section(draft, '偏差原因分析及改进措施'));
    expect(t).toContain(
      '（1）“男性家族排查系统建设DNA数据采集数”：年度指标值为10000 份，实际完成值为9580，得1.92分（分值2分，扣0.08分）。偏差原因及改进措施：采集工作接近尾声，未能采集的居民大多不在常驻地，采集难度加大。',
    );
    expect(t).toContain('偏差原因及改进措施：因疫情不宜经常集中开展培训。');
    expect(t).toContain('偏差原因及改进措施：因电诈类案件频发，破案难度大，办案成本高。另补立案件较以往年度增加。');
    expect(t).not.toContain('完成绩效目标');
    expect(placeholders(section(draft, '偏差原因分析及改进措施'))).toEqual([]);
  });

  test('自评结论: total, grade, the points lost and where', () => {
    const t = textOf(section(draft, '自评结论'));
    expect(t).toContain('绩效自评总分为97.87分（满分100分），自评等级为“优”');
    expect(t).toContain(
      '共扣2.13分：产出指标扣2.13分（“男性家族排查系统建设DNA数据采集数”扣0.08分、“加强教育培训，民、辅警业务培训人次”扣0.05分、“刑事案件发案率与上年比较”扣2.00分）。',
    );
  });

  test('存在的问题: missed targets and a target far exceeded, each a sentence with a gap to fill', () => {
    const s = section(draft, '存在的问题及下一步措施');
    const t = textOf(s);
    for (const name of SEED_LOST_ROWS) expect(t).toContain(`“${name}”未达到年度指标值`);
    expect(t).toContain('“八大类恶性刑事案件破案率”实际完成值（100%）远超年度指标值（≥80%），指标值可能设定偏低');
    expect(placeholders(s)).toHaveLength(4);
  });

  test('结果应用 is a placeholder', () => {
    expect(placeholders(section(draft, '结果应用'))).toHaveLength(1);
  });

  test('one sentence at the top names the figures the sheet holds otherwise', () => {
    const notes = draft.blocks.flatMap((b) => (b.kind === 'paragraph' && b.note ? [partsText(b.parts)] : []));
    expect(notes[1]).toBe(
      '（注意：表中有数字与按规则重算的结果不同：“男性家族排查系统建设DNA数据采集数”得分表中为1，重算为1.92（H19）；' +
        '“加强教育培训，民、辅警业务培训人次”得分表中为1，重算为1.95（H23）；总分表中为96，重算为97.87（H41）。本报告采用重算后的数字，请先在表中重算或核对，使表与报告一致。）',
    );
  });

  test('the rate typed as text "100%" is the same figure, not a difference', () => {
    expect(figureDifferences(seedForm()).map((d) => d.cell)).toEqual(['H19', 'H23', 'H41']);
  });

  test('rows for a worksheet hold the same text as the document', () => {
    const rows = draftRows(draft);
    expect(rows[0]).toEqual(['株洲市公安局渌口分局2022年度部门整体支出绩效自评报告']);
    expect(rows).toContainEqual(['指标', '年度指标值', '实际完成值', '分值', '得分', '是否完成']);
    expect(draftText(draft)).toContain('【请补充：自评结果的应用情况：整改落实、与下一年度预算安排挂钩、信息公开等】');
  });
});

test('the worksheet the pane adds holds the same rows: 自评报告（草稿）, one cell per paragraph, tables in columns', () => {
  const draft = draftReport(seedForm());
  const sheet = draftSheet(draft);
  expect(sheet.name).toBe('自评报告（草稿）');
  const values = sheet.rows;
  expect(values[0]).toEqual(['株洲市公安局渌口分局2022年度部门整体支出绩效自评报告']);
  expect(values[1]).toEqual([]);
  expect(values).toContainEqual(['男性家族排查系统建设DNA数据采集数', '10000 份', '9580', '2', '1.92', '否']);
  expect(values.length).toBe(draftRows(draft).length);
});

describe('a form that lacks explanations', () => {
  test('each row that lost points without an explanation gets a placeholder naming it', () => {
    const s = section(draftReport(seedWithoutExplanations()), '偏差原因分析及改进措施');
    expect(placeholders(s)).toEqual(SEED_LOST_ROWS.map((n) => `“${n}”的偏差原因及改进措施`));
    expect(textOf(s)).toContain('表中未填写偏差原因。');
  });

  test('the project sample: the one unexplained row gets a placeholder, the explained ones are quoted', () => {
    const draft = draftReport(projectForm());
    const s = section(draft, '偏差原因分析及改进措施');
    expect(placeholders(s)).toEqual(['“工程按期完工率”的偏差原因及改进措施']);
    expect(textOf(s)).toContain('管护经费尚未纳入年度预算，已报县政府协调解决。');
    const budget = section(draft, '预算执行情况');
    const sources = budget.find((b) => b.kind === 'table');
    expect(sources).toEqual({
      kind: 'table',
      caption: '资金来源（万元）',
      head: ['资金来源', '年初预算数', '全年预算数', '全年执行数'],
      rows: [
        ['本年财政拨款', '400', '380', '350'],
        ['上年结转资金', '60', '60', '56.6'],
        ['其他资金', '40', '40', '35'],
      ],
    });
    expect(textOf(budget)).toContain('全年预算数比年初预算数减少20万元（下降4.00%）');
    expect(textOf(section(draft, '自评结论'))).toContain('预算执行扣0.80分（执行率92.00%）');
  });
});

describe('a form that is not scored', () => {
  const draft = draftReport(unscoredForm());

  test('says so, with no total, grade or score anywhere', () => {
    const t = draftText(draft);
    expect(t).toContain('（本表不评分：表中没有分值和得分，报告不写总分和等级。）');
    expect(textOf(section(draft, '自评结论'))).toContain('本表为不评分的自评表（表中没有分值和得分），不计算总分和等级。');
    expect(t).not.toMatch(/得\d|总分为|自评等级为|分值\d/);
  });

  test('tables keep targets, actuals and completion, without 分值 and 得分', () => {
    const table = draft.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ head: ['指标', '年度指标值', '实际完成值', '是否完成'] });
    expect(textOf(section(draft, '绩效指标完成情况'))).toContain('数量指标共13项，完成11项，未完成2项');
  });
});

describe('other layout families, as the engine reads them', () => {
  test('a special-fund form (不评分): the title says 专项资金, no score anywhere, a placeholder for the missing explanation', () => {
    const draft = draftReport(formOf(targetsOnlyForm()));
    expect(partsText(draft.title)).toBe('县级储备粮2020年度专项资金绩效自评报告');
    const t = draftText(draft);
    expect(t).toContain('（本表不评分：表中没有分值和得分，报告不写总分和等级。）');
    expect(t).not.toMatch(/得\d|总分为|自评等级为|分值\d/);
    expect(draft.blocks.find((b) => b.kind === 'table' && b.caption.startsWith('表1'))).toMatchObject({
      head: ['指标', '年度指标值', '实际完成值', '是否完成'],
    });
    expect(placeholders(section(draft, '偏差原因分析及改进措施'))).toEqual(['“市民满意度”的偏差原因及改进措施']);
    expect(textOf(section(draft, '偏差原因分析及改进措施'))).toContain('一笔贷款次月付息，已督促按期办理。');
  });

  test('a form without 一级/二级 columns (score coefficients): one table of all rows, losses under 绩效指标', () => {
    const draft = draftReport(formOf(coefficientForm()));
    const tables = draft.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((b) => (b as { caption: string }).caption)).toEqual(['表1  绩效指标']);
    expect(textOf(section(draft, '自评结论'))).toContain('绩效指标扣1.67分（“高标准农田建设面积”扣1.67分）');
  });
});
