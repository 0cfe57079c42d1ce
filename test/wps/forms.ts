// Department forms of any length, built by code, for counting calls into WPS.
import type { SheetSketch, SketchCell } from '../../src/core/sketch';

/**
 * A department form with `n` indicator rows, all met, numbers formatted as forms usually are
 * (budget figures 0.00, weights and scores 0.00). With `groups`, the 一级 label is one merged cell
 * down the whole block and every `groups` rows share a merged 二级 label, as printed forms do.
 */
export function formWith(n: number, groups = 0): SheetSketch {
  const rows: SketchCell[][] = [
    ['部门整体支出绩效自评表', null, null, null, null, null, null, null, null],
    ['预算部门名称', null, '某局', null, null, null, null, null, null],
    ['预算申请（万元）', '年度', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    [null, '年度资金总额', 100, 100, 90, 10, null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const first = rows.length + 1;
  for (let i = 0; i < n; i++) {
    const level2 = groups > 0 ? (i % groups === 0 ? `数量指标${i / groups + 1}` : null) : i === 0 ? '数量指标' : null;
    rows.push([null, i === 0 ? '产出指标（90分）' : null, level2, `指标${i + 1}`, '≥10', 8, 90 / n, null, null]);
  }
  rows.push(['总分', null, null, null, null, null, 100, null, null]);
  const last = first + n - 1;
  const formats: Record<string, string> = { C4: '0.00', D4: '0.00', E4: '0.00', F4: '0.00' };
  for (let row = first; row <= last; row++) formats[`G${row}`] = '0.00';
  const merges = ['A1:I1'];
  if (groups > 0) {
    if (n > 1) merges.push(`B${first}:B${last}`);
    for (let start = first; start <= last; start += groups) {
      const end = Math.min(start + groups - 1, last);
      if (end > start) merges.push(`C${start}:C${end}`);
    }
  }
  return { name: `表${n}`, rows, merges, formats };
}
