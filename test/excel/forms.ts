// Department forms of any length for the Office.js door's tests, built by code.
import type { SheetSketch, SketchCell } from '../../src/core/sketch';

/**
 * A department form with `n` indicator rows, all met, the budget spent in full. With `notes`, each row's explanation is a
 * merged I:J cell holding `notes` (the text a finance clerk types there), so a form of n rows has
 * n merged areas.
 */
export function formWith(n: number, notes?: string): SheetSketch {
  const rows: SketchCell[][] = [
    ['部门整体支出绩效自评表', null, null, null, null, null, null, null, null],
    ['预算部门名称', null, '某局', null, null, null, null, null, null],
    ['预算申请（万元）', '年度', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    [null, '年度资金总额', 100, 100, 100, 10, null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const merges: string[] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      null,
      i === 0 ? '产出指标（90分）' : null,
      i === 0 ? '数量指标' : null,
      `指标${i + 1}`,
      '≥10',
      12,
      90 / n,
      null,
      notes ?? null,
    ]);
    if (notes !== undefined) merges.push(`I${rows.length}:J${rows.length}`);
  }
  rows.push(['总分', null, null, null, null, null, 100, null, null]);
  return { name: `表${n}`, rows, merges };
}
