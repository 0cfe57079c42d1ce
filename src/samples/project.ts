// A 项目支出绩效自评表 in the national layout, invented but plausible. Its figures agree with each
// other except for the two deliberate mistakes marked below, which a check should find.
import type { SheetSketch, SketchCell } from './sketch';

const GOAL =
  '完成12处集中供水工程新建和85公里供水管网改造，工程验收合格率100%，受益人口不少于3.2万人，' +
  '建立工程长效管护机制，提升农村供水保障水平。';
const ACHIEVED =
  '新建集中供水工程12处，改造供水管网78.5公里，工程全部验收合格，受益人口33560人；' +
  '部分管段因征地协调推迟至次年施工，长效管护机制已部分建立。';

const rows: SketchCell[][] = [
  ['项目支出绩效自评表', null, null, null, null, null, null, null, null],
  ['（2023年度）', null, null, null, null, null, null, null, null],
  ['项目名称', null, '农村饮水安全巩固提升工程', null, null, null, null, null, null],
  ['主管部门', null, '某县水利局', null, null, '实施单位', null, '某县农村供水服务中心', null],
  ['项目资金\n（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分', null],
  [null, '年度资金总额', 500, 480, 441.6, 10, 0.92, 9.2, null],
  [null, '其中：本年财政拨款', 400, 380, 350, '—', '—', '—', null],
  [null, '上年结转资金', 60, 60, 56.6, '—', '—', '—', null],
  [null, '其他资金', 40, 40, 35, '—', '—', '—', null],
  ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null],
  [null, GOAL, null, null, null, ACHIEVED, null, null, null],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [null, '产出指标（50分）', '数量指标', '新建集中供水工程', '≥12处', '12处', 10, 10, null],
  // Mistake 1: the rules give 78.5 / 85 × 10 = 9.24; the person rounded down to 9.
  [null, null, null, '改造供水管网长度', '85公里', '78.5公里', 10, 9, '部分管段因征地协调推迟至次年施工，已列入下年度计划。'],
  [null, null, '质量指标', '工程验收合格率', '100%', '100%', 10, 10, null],
  [null, null, null, '水质达标率', '≥95%', '97.3%', 5, 5, null],
  // Mistake 2: a row that lost points (81 / 90 × 5 = 4.5) with no 偏差原因 explanation.
  [null, null, '时效指标', '工程按期完工率', '≥90%', '81%', 5, 4.5, null],
  // A bare number under 成本指标: a cost, so lower is better (reverse, inferred).
  [null, null, '成本指标', '人均工程投资', '1200元', '1150元', 10, 10, null],
  [null, '效益指标（30分）', '社会效益指标', '受益人口', '≥32000人', '33560人', 10, 10, null],
  // Qualitative: 达成, the evaluator's 9 sits inside the band [8, 10].
  [null, null, null, '农村供水保障水平', '有效保障', '有效保障', 10, 9, '个别偏远村组水压仍不稳定，将加装加压设施。'],
  // Qualitative: 部分达成, 7 inside [6, 8).
  [null, null, '可持续影响指标', '工程长效管护机制', '健全', '部分健全', 10, 7, '管护经费尚未纳入年度预算，已报县政府协调解决。'],
  [null, '满意度指标（10分）', '服务对象满意度指标', '受益群众满意度', '≥90%', '93.5%', 10, 10, null],
  // The total is the sum the person's formula gives, using the entered scores.
  ['总分', null, null, null, null, null, 100, { formula: 'H6+SUM(H13:H22)', value: 93.7 }, null],
  ['自评等级', null, null, null, null, null, '优', null, null],
];

export const projectSketch: SheetSketch = {
  name: '项目支出绩效自评表',
  rows,
  merges: [
    'A1:I1', 'A2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4',
    'A5:A9', 'H5:I5', 'H6:I6', 'H7:I7', 'H8:I8', 'H9:I9',
    'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11',
    'A12:A22', 'B13:B18', 'C13:C14', 'C15:C16', 'B19:B21', 'C19:C20',
    'A23:F23', 'A24:F24', 'G24:I24',
  ],
  formats: { G6: '0.00%', H6: '0.00', H14: '0.00', H17: '0.00', H23: '0.00' },
  widths: { A: 6, B: 16, C: 14, D: 22, E: 16, F: 16, G: 10, H: 10, I: 30 },
};
