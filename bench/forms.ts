// Generated department forms of any length, for the benchmark: the seed's head and budget block,
// then `rows` indicator rows cycling through the kinds of target the engine reads.
import type { SheetSketch, SketchCell } from '../src/core/sketch';

const KINDS: [string, SketchCell, SketchCell][] = [
  ['八大类恶性刑事案件破案率', '≥80%', '100%'],
  ['DNA数据采集数', '10000 份', 9580],
  ['盗抢类刑事发案率与上年比较', '下降 15%', '下降 12%'],
  ['部门联动机制健全性', '健全', '健全'],
  ['二代身份证办结天数', '少于 30 天', '少于 30 天'],
  ['队伍违纪违法问题发生率', '< 1%', '1.2%'],
  ['安保维稳重要节点管控', '重要节点 5 个，一般节点任务 30 个', '完成重要节点 5 个，一般节点任务 31 个'],
  ['为群众挽回经济损失', '300 万元', '311 万元'],
];

const LEVELS = ['产出指标（50分）', '效益指标（30分）', '满意度指标（10分）'];
const LEVEL2 = ['数量指标', '社会效益指标', '服务对象满意度指标'];

export function generatedSketch(rows: number): SheetSketch {
  const head: SketchCell[][] = [
    ['部门整体支出绩效自评表', null, null, null, null, null, null, null, null],
    ['预算部门名称', null, '生成的部门', null, null, null, null, null, null],
    ['年度', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    ['预算申请（万元）', '年度资金总额', 100, 100, 95, 10, 0.95, 9.5, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const body: SketchCell[][] = [];
  const third = Math.ceil(rows / 3);
  for (let i = 0; i < rows; i++) {
    const [name, target, actual] = KINDS[i % KINDS.length];
    const level = Math.floor(i / third);
    const first = i % third === 0;
    body.push([null, first ? LEVELS[level] : null, first ? LEVEL2[level] : null, `${name}${i + 1}`, target, actual, 1, 1, i % 5 === 0 ? null : '完成绩效目标']);
  }
  const total: SketchCell[] = ['总分', null, null, null, null, null, rows + 10, rows + 9.5, null];
  return { name: `生成${rows}行`, rows: [...head, ...body, total], merges: ['A1:I1', 'A2:B2', 'C2:I2', 'A3:B3'] };
}
