// The seed form (layouts.md "The reference"): 株洲市公安局渌口分局's published 2022 department
// self-evaluation, laid out as a person has it in Excel. Its figures are the published ones,
// unchanged ("10分" and "100%" typed as text, 1 where the rules give 1.92); the labels are
// rebuilt from the PDF's broken lines, and a few keep the line breaks people type into them.
import { moveSketch, type SheetSketch, type SketchCell } from './sketch';

const GOAL =
  '坚持以习近平新时代中国特色社会主义思想为指导，在区委、区政府和市公安局党委的坚强领导下，围绕区委“青春渌口、创业新城”的发展理念，' +
  '立足全区发展大局，全力化风险、护稳定、保安全、优服务、强队伍。扎实营造平安治安环境，持续发力加大侦破打击和治安管理力度，' +
  '不断提高政治建设、平安建设、法治建设、能力水平建设，努力开创公安工作新局面。';

const ACHIEVED =
  '护航党的二十大，在重点人员管控、重点场所管理、重要节点安保、重大风险排查上始终保持严管态势，实现了“五个不发生,三个确保”的工作目标，' +
  '获评全市反恐怖工作成绩突出单位。全力营造平安治安环境，持续发力加大侦破打击和治安管理力度，先后组织开展了“冬季攻势”、“奔跑行动”、' +
  '夏季治安打击整治“百日行动”、“利剑护蕾”行动等，有力侦破了一批刑事案件，办结了一批治安案件，公安机关打击治理跨境赌博工作荣获全省成绩突出单位。' +
  '侦办一起涉恶团伙案件，现行命案连续10年保持了“命案必破”，杀人、抢劫等八大类恶性案件侦破率达到100%，盗抢类刑事案件发案较同期下降18.94%。' +
  '通过严厉打击电信网络诈骗及开展反诈宣传，及时冻结止付为受骗群众挽回经济损失130万元。对112所学校实行常态化护学安园，为辖区企业和重点项目排忧解难，' +
  '深入开展长江“十年禁渔”、“昆仑2022”、“生态三湘”，结合“百万警进千万家”活动调处矛盾纠纷百余起，入境办事窗口进驻政务中心实现全市首个“一窗通办”。' +
  '通过禁燃、规范养犬、加强特种行业管理等举措，为创建全国文明城市贡献了公安力量。通过以上一系列有效的治安管理、巡逻防范、侦破打击，' +
  '我局获评全市平安建设优秀单位，全市政法工作先进单位，助推渌口区公众安全感测评连续7年排名全市第一、连续17年荣获平安县市区荣誉称号，' +
  '为全区打造了良好的营商投资环境名片。加大科技强警支撑力度，规范化执法建设，启动局综合执法办案区改造建设，推进了“雪亮工程”建设，' +
  '新增三类高清摄像头五百余个，更新了一批警务装备提升了办案效能。在疫情常态化管控工作中面对11月汹涌来袭的新冠疫情，我局全警动员，牢守阵地，' +
  '流调溯源，快速阻击，为渌口区在市辖五区中率先复工复产复学奠定了坚实基础。队伍建设成果丰硕，警务实战培训成绩喜人，全年荣获部级个人二等功一人，' +
  '市、区级个人三等功16人，市级嘉奖2人，市级集体三等功1个。2022年分局荣获县级公安机关绩效考核县（市）组总分排名第一。' +
  '一年来，渌口公安通过有效的防范打击和治安管理，为全区经济社会发展和人民安居乐业创造了安全稳定的社会环境。\n经考核评定，圆满完成了年度绩效目标。';

const DONE = '完成绩效目标';

/** 一级 label (only on its first row), 二级 label (only on its first row), 三级, target, actual, weight, score, explanation. */
type IndicatorLine = [string | null, string | null, string, SketchCell, SketchCell, number, number, string];

const INDICATORS: IndicatorLine[] = [
  ['产出指标（50分）', '数量指标', '安保维稳重要节点管控', '重要节点 5 个，一般节点任务 30 个', '完成重要节点 5 个，一般节点任务 31 个安保维稳', 10, 10, DONE],
  [null, null, '八大类恶性刑事案件破案率', '≥80%', '100%', 4, 4, DONE],
  // Typed as a number with a percent format, the way Excel keeps "85.53%" once entered.
  [null, null, '移送起诉率', '≥85%', 0.8553, 3, 3, DONE],
  [null, null, '涉黑涉恶线索办结率', '100%', '100%', 2, 2, DONE],
  [null, null, '打掉电信诈骗团伙目标数', 10, 11, 2, 2, DONE],
  [null, null, '男性家族排查系统建设DNA数据采集数', '10000 份', 9580, 2, 1, '采集工作接近尾声，未能采集的居民大多不在常驻地，采集难度加大。'],
  [null, null, '吸毒人员肇事肇祸案、事件', 0, 0, 2, 2, DONE],
  [null, null, '反诈APP推广实名注册率', '40%', '40%', 1, 1, DONE],
  [null, null, '二代证未登记指纹完成数', 8737, 9087, 1, 1, DONE],
  [null, null, '加强教育培训，民、辅警业务培训人次', 1500, 1466, 2, 1, '因疫情不宜经常集中开展培训。'],
  [null, null, '改建执法办案中心', '1 个', '1 个', 1, 1, DONE],
  [null, null, '无重特大公共安全事故发生', '100%', '100%', 5, 5, DONE],
  [null, null, '盗抢类刑事发案率与上年比较', '下降 15%', '下降 18.94%', 2, 2, DONE],
  [null, '质量指标', '刑事案件发案率与上年比较', '下降', '上升 9.11%', 4, 2, '因电诈类案件频发，破案难度大，办案成本高。另补立案件较以往年度增加。'],
  [null, null, '部门联动机制健全性', '健全', '健全', 1, 1, DONE],
  [null, null, '涉毒人员管控率', '100%', '100%', 2, 2, DONE],
  [null, null, '队伍违纪违法问题发生率', '< 1%', '0.9%', 3, 3, DONE],
  [null, '时效\n指标', '案件受理及时性', '是否及时', '是', 1, 1, DONE],
  [null, null, '二代身份证办结天数', '少于 30 天', '少于 30 天', 1, 1, DONE],
  [null, null, '护照办结时限', '少于 7 个工作日', '少于 7 个工作日', 1, 1, DONE],
  ['效益指标（30分）', '经济效益指标', '为群众挽回经济损失', '300 万元', '311 万元', 5, 5, DONE],
  [null, '社会效益指标', '全省平安县市区荣誉称号', '保持', '连续 17 年保持', 12, 12, DONE],
  [null, '生态效益指标', '禁种铲毒率', '100%', '100%', 3, 3, DONE],
  [null, '可持续影响指标', '社会治安稳定，人民安居乐业', '保持', '保持', 10, 10, DONE],
  ['满意度指标（10分）', '服务对象满意度指标', '公众安全感测评排名', '全市第一', '连续 7 年全市第一', 6, 6, DONE],
  [null, null, '群众对110接处警工作满意度', '≥95 分', '96 分', 2, 2, DONE],
  [null, null, '群众对户籍工作满意度', '≥95 分', '99.65%', 2, 2, DONE],
];

/** Row of the indicator table's header; indicators follow it. */
const TABLE_ROW = 13;
const FIRST_INDICATOR = TABLE_ROW + 1;
const LAST_INDICATOR = TABLE_ROW + INDICATORS.length;
const TOTAL_ROW = LAST_INDICATOR + 1;

/** Merges of a label column: each label runs down to the row before the next one. */
function labelMerges(column: string, labels: (string | null)[]): string[] {
  const merges: string[] = [];
  labels.forEach((label, i) => {
    if (label === null) return;
    let end = i;
    while (end + 1 < labels.length && labels[end + 1] === null) end++;
    if (end > i) merges.push(`${column}${FIRST_INDICATOR + i}:${column}${FIRST_INDICATOR + end}`);
  });
  return merges;
}

const rows: SketchCell[][] = [
  ['部门整体支出绩效自评表', null, null, null, null, null, null, null, null],
  ['预算单位：（盖章）', null, null, null, null, null, '（2022 年度）', null, null],
  ['预算部门名称', null, '株洲市公安局渌口分局', null, null, null, null, null, null],
  ['年度', null, '年初预算数', '全年预\n算数', '全年执行数', '分值', '执行\n率', '得分', null],
  ['预算申请\n（万元）', '年度资金总额', 5685.44, 8016.09, 8016.09, '10分', '100%', 10, null],
  [null, '按收入性质分：', null, null, '按支出性质分：', null, null, null, null],
  [null, '其中：一般公共预算：7897.75', null, null, '其中：基本支出：7067.17', null, null, null, null],
  [null, '政府性基金拨款：0', null, null, '项目支出：948.92', null, null, null, null],
  [null, '纳入专户管理的非税收入拨款：0', null, null, null, null, null, null, null],
  [null, '其他资金：118.34', null, null, null, null, null, null, null],
  ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null],
  [null, GOAL, null, null, null, ACHIEVED, null, null, null],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ...INDICATORS.map(([l1, l2, name, target, actual, weight, score, why]): SketchCell[] => [
    null, l1, l2, name, target, actual, weight, score, why,
  ]),
  ['总分', null, null, null, null, null, 100, 96, null],
];

const merges = [
  'A1:I1', 'A2:F2', 'G2:I2', 'A3:B3', 'C3:I3', 'A4:B4', 'H4:I4', 'H5:I5', 'A5:A10',
  'B6:D6', 'E6:I6', 'B7:D7', 'E7:I7', 'B8:D8', 'E8:I8', 'B9:D9', 'E9:I9', 'B10:D10', 'E10:I10',
  'A11:A12', 'B11:E11', 'F11:I11', 'B12:E12', 'F12:I12',
  `A${TABLE_ROW}:A${LAST_INDICATOR}`,
  ...labelMerges('B', INDICATORS.map((line) => line[0])),
  ...labelMerges('C', INDICATORS.map((line) => line[1])),
  `A${TOTAL_ROW}:F${TOTAL_ROW}`,
];

/** The seed form at A1, as the sample workbook holds it. */
export const seedSketch: SheetSketch = {
  name: '部门整体支出绩效自评表',
  rows,
  merges,
  formats: { [`F${FIRST_INDICATOR + 2}`]: '0.00%' },
  widths: { A: 6, B: 16, C: 12, D: 26, E: 16, F: 18, G: 8, H: 8, I: 30 },
};

/** Where the seed's cells are, for tests that look at one of them. */
export const seedRows = { table: TABLE_ROW, firstIndicator: FIRST_INDICATOR, lastIndicator: LAST_INDICATOR, total: TOTAL_ROW };

/** The seed form with its first cell at another place (forms do not always start at A1). */
export function seedSketchAt(origin: { row: number; col: number }, name = seedSketch.name): SheetSketch {
  return moveSketch(seedSketch, origin, name);
}
