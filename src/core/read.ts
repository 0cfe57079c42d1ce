// Reading a located form into plain entries: which cell holds what, before any rule is applied.
import type { Grid } from './grid';
import { declaredPoints, isFrameLabel, isGradeLabel, isPlaceholderName, parseLevel1, type Level1 } from './labels';
import type { BudgetHeader, FormLocation, IndicatorColumns } from './locate';
import type { FormType, LayoutFamily } from './report';
import { labelKey } from './text';

export interface CellRef {
  row: number;
  col: number;
  address: string;
}

export interface BreakdownItem {
  label: string;
  /** Where the label (and, in one-cell style, the amount) sits. */
  at: CellRef;
  /** Amount cells by budget column ('amount' for the list style with one figure). */
  amounts: Partial<Record<'initial' | 'planned' | 'executed' | 'amount', CellRef>>;
  /** For "其中：一般公共预算：7897.75": the amount written inside the label text. */
  inlineAmount: string | null;
}

export interface BreakdownGroup {
  name: string;
  items: BreakdownItem[];
}

export interface BudgetEntries {
  unit: '万元' | '元';
  header: CellRef;
  totalRow: number;
  cells: Partial<Record<'initial' | 'planned' | 'weight' | 'rate' | 'score', CellRef>> & { executed: CellRef };
  groups: BreakdownGroup[];
  /** Free text in the block that explains the execution (原因, 说明…). */
  explained: boolean;
  /** The budget's points written in a label ("得分（20分×执行率）", "预算执行率（20分）") where there is no 分值 column. */
  declaredWeight: { points: string; cell: CellRef } | null;
  lastRow: number;
}

export interface IndicatorEntry {
  row: number;
  level1: string;
  level1Kind: Level1 | null;
  level1Declared: string | null;
  level1Cell: CellRef | null;
  level2: string;
  name: string;
  nameCell: CellRef;
  /** Joined target text (指标性质 + 指标值 + 度量单位 when split). */
  target: string;
  targetCell: CellRef | null;
  actual: string;
  actualCell: CellRef | null;
  /** Null where the layout has no 分值 column (level-weights, targets-only). */
  weightCell: CellRef | null;
  /** Null where the layout has no 得分 column (targets-only). */
  scoreCell: CellRef | null;
  /** 得分系数, in the coefficients layout. */
  coefficientCell: CellRef | null;
  /** 是否核心指标: 是 → true, 否 → false, null when the form has no such column or the cell says neither. */
  core: boolean | null;
  /** The weight group the row's score counts in: its goal block ("年度绩效目标1（40分）") or else its 一级指标. */
  group: WeightGroup;
  deviationCell: CellRef | null;
  deviation: string;
}

/** A group of rows with one declared weight: a goal block, or a 一级指标 whose label names its points. */
export interface WeightGroup {
  name: string;
  /** The points the label declares, or null. */
  declared: string | null;
  cell: CellRef | null;
}

/** The one explanation a form without an explanation column keeps below its table. */
export interface FooterExplanation {
  labelCell: CellRef;
  textCell: CellRef;
  text: string;
}

export interface GoalEntry {
  label: string;
  labelCell: CellRef;
  textCell: CellRef;
  text: string;
}

export interface FormEntries {
  type: FormType;
  anchor: CellRef;
  unit: string | null;
  year: string | null;
  layout: LayoutFamily;
  budget: BudgetEntries | null;
  goals: GoalEntry[];
  indicators: IndicatorEntry[];
  total: { row: number; labelCell: CellRef; weightCell: CellRef | null; scoreCell: CellRef | null } | null;
  /** The footer explanation of a form without an explanation column, when it has one. */
  explanation: FooterExplanation | null;
  grade: { labelCell: CellRef; valueCell: CellRef } | null;
  /** Rows the form covers, for scanning error cells. */
  rows: { top: number; bottom: number; left: number; right: number };
}

function ref(grid: Grid, row: number, col: number): CellRef {
  const o = grid.origin(row, col);
  return { row: o.row, col: o.col, address: grid.address(row, col) };
}

export function readForm(grid: Grid, loc: FormLocation): FormEntries {
  const h = loc.indicators;
  const left = Math.min(h.firstCol, ...Object.values(loc.budget?.columns ?? {}));
  const right = Math.max(h.lastCol, ...Object.values(loc.budget?.columns ?? {}));
  const startRow = loc.top;
  const head = readHead(grid, startRow, loc.budget?.row ?? h.row);
  const budget = loc.budget ? readBudget(grid, loc, loc.budget, left) : null;
  const goals = readGoals(grid, budget ? budget.lastRow + 1 : startRow, h.row - 1, left, right);
  const indicators = readIndicators(grid, loc);
  const total = readTotal(grid, loc);
  const found = readGrade(grid, loc, left - 2, right + 3);
  // A grade label written over the 分值 column must not make the total's own cells the grade's.
  const totalCells = [total?.weightCell?.address, total?.scoreCell?.address];
  const grade = found && !totalCells.includes(found.valueCell.address) && !totalCells.includes(found.labelCell.address) ? found : null;
  const anchor = head.anchor ?? ref(grid, loc.budget?.row ?? h.row, left);
  return {
    type: head.type,
    anchor,
    unit: head.unit,
    year: head.year,
    layout: h.layout,
    budget,
    goals,
    indicators,
    total,
    explanation: h.columns.deviation === undefined ? readFooterExplanation(grid, loc, left, right) : null,
    grade,
    rows: { top: anchor.row, bottom: loc.bottom, left, right },
  };
}

function readHead(
  grid: Grid,
  from: number,
  to: number,
): { type: FormType; anchor: CellRef | null; unit: string | null; year: string | null } {
  let type: FormType = 'department';
  let anchor: CellRef | null = null;
  let unit: string | null = null;
  let year: string | null = null;
  for (let row = from; row < to; row++) {
    for (const col of grid.filledColumns(row)) {
      const key = grid.label(row, col);
      if (/绩效自评表|自评表$/.test(key)) {
        if (!anchor) anchor = ref(grid, row, col);
        if (key.includes('项目')) type = 'project';
      }
      if (/^项目名称|^项目资金|^专项资金/.test(key)) type = 'project';
      if (!unit && /^(预算部门名称|部门名称|预算单位名称|项目名称|专项资金名称|单位名称)[:：]?$/.test(key))
        unit = valueRightOf(grid, row, col);
      const y = /((?:19|20)\d{2})年度?/.exec(key);
      if (!year && y) year = y[1];
    }
  }
  return { type, anchor, unit, year };
}

function valueRightOf(grid: Grid, row: number, col: number): string | null {
  const m = grid.merge(row, col);
  const start = (m ? m.right : col) + 1;
  for (let c = start; c <= start + 6 && c <= grid.right; c++) {
    const t = grid.text(row, c);
    if (t) return t;
  }
  return null;
}

function readBudget(grid: Grid, loc: FormLocation, header: BudgetHeader, left: number): BudgetEntries {
  const cols = header.columns;
  const moneyCols = [cols.initial, cols.planned, cols.executed].filter((c): c is number => c !== undefined);
  const firstMoney = Math.min(...moneyCols);
  let totalRow = header.row + 1;
  for (let row = header.row + 1; row < loc.indicators.row; row++) {
    const labelled = labelsLeftOf(grid, row, firstMoney, left).some((k) => /资金总额|^合计|^总计|预算资金/.test(k));
    if (labelled) {
      totalRow = row;
      break;
    }
  }
  const cells: BudgetEntries['cells'] = { executed: ref(grid, totalRow, cols.executed) };
  for (const [role, col] of Object.entries(cols) as Array<[keyof BudgetEntries['cells'], number]>) cells[role] = ref(grid, totalRow, col);
  const lastRow = budgetLastRow(grid, totalRow, loc.indicators.row);
  const unit = budgetUnit(grid, header.row, lastRow, left, firstMoney);
  const groups = readBreakdowns(grid, totalRow + 1, lastRow, cols, left);
  const explained = hasExplanation(grid, header.row, lastRow, left, grid.right);
  const declaredWeight = cols.weight === undefined ? budgetPoints(grid, header.row - 1, lastRow, left, grid.right) : null;
  return { unit, header: ref(grid, header.row, firstMoney), totalRow, cells, groups, explained, declaredWeight, lastRow };
}

function labelsLeftOf(grid: Grid, row: number, before: number, from: number): string[] {
  const out: string[] = [];
  for (let c = Math.max(grid.left, from - 2); c < before; c++) {
    const k = grid.label(row, c);
    if (k) out.push(k);
  }
  return out;
}

/** The budget block ends where 年度总体目标 (or the indicator header) begins. */
function budgetLastRow(grid: Grid, totalRow: number, indicatorRow: number): number {
  for (let row = totalRow + 1; row < indicatorRow; row++) {
    for (const col of grid.filledColumns(row)) {
      if (/^(年度)?总体目标|^预期目标|^年度绩效目标|^绩效目标/.test(grid.label(row, col))) return row - 1;
    }
  }
  return indicatorRow - 1;
}

function budgetUnit(grid: Grid, top: number, bottom: number, left: number, right: number): '万元' | '元' {
  for (let row = top - 1; row <= bottom; row++) {
    for (let col = Math.max(grid.left, left - 2); col <= right; col++) {
      const key = grid.label(row, col);
      if (/\(万元\)|万元/.test(key)) return '万元';
      if (/\(元\)|单位[:：]?元$/.test(key)) return '元';
    }
  }
  return '万元';
}

const AMOUNT_IN_LABEL = /^(.*?)[:：]\s*(-?[\d,，]+(?:\.\d+)?(?:\s*\d+)*)\s*(万元|元)?$/;

function readBreakdowns(
  grid: Grid,
  top: number,
  bottom: number,
  cols: Partial<Record<'initial' | 'planned' | 'executed' | 'weight' | 'rate' | 'score', number>>,
  left: number,
): BreakdownGroup[] {
  const moneyCols = { initial: cols.initial, planned: cols.planned, executed: cols.executed };
  const firstMoney = Math.min(...Object.values(moneyCols).filter((c): c is number => c !== undefined));
  const rowStyle: BreakdownGroup = { name: '资金来源', items: [] };
  const listGroups: BreakdownGroup[] = [];
  const headings: Array<{ col: number; group: BreakdownGroup }> = [];
  for (let row = top; row <= bottom; row++) {
    const filled = grid.filledColumns(row).filter((c) => c >= Math.max(grid.left, left - 2));
    // Row style: a label left of the money columns and figures under them.
    const labelCol = filled.find(
      (c) => c < firstMoney && !isFrameLabel(grid.label(row, c)) && !/按(收入|支出)性质/.test(grid.label(row, c)),
    );
    const figures = Object.entries(moneyCols).filter(([, c]) => c !== undefined && isFigure(grid, row, c));
    if (headings.length === 0 && labelCol !== undefined && figures.length > 0 && !AMOUNT_IN_LABEL.test(grid.text(row, labelCol))) {
      const amounts: BreakdownItem['amounts'] = {};
      for (const [role, c] of figures) amounts[role as 'initial' | 'planned' | 'executed'] = ref(grid, row, c as number);
      rowStyle.items.push({ label: stripQiZhong(grid.text(row, labelCol)), at: ref(grid, row, labelCol), amounts, inlineAmount: null });
      continue;
    }
    for (const col of filled) {
      if (grid.isCovered(row, col)) continue;
      const key = grid.label(row, col);
      if (/^按(收入|支出)性质分?/.test(key)) {
        const group: BreakdownGroup = { name: key.replace(/[:：]$/, '').replace(/分$/, '分'), items: [] };
        listGroups.push(group);
        headings.push({ col, group });
        continue;
      }
      const heading = nearestHeading(headings, col);
      if (!heading) continue;
      const text = grid.text(row, col);
      if (typeof grid.raw(row, col).value === 'number') continue;
      const inline = AMOUNT_IN_LABEL.exec(text);
      if (inline) {
        heading.items.push({ label: stripQiZhong(inline[1]), at: ref(grid, row, col), amounts: {}, inlineAmount: inline[2] });
      } else if (text) {
        const amountCol = nextFilled(grid, row, col, filled);
        const amounts: BreakdownItem['amounts'] = amountCol !== null ? { amount: ref(grid, row, amountCol) } : {};
        heading.items.push({ label: stripQiZhong(text), at: ref(grid, row, col), amounts, inlineAmount: null });
      }
    }
  }
  const groups = listGroups.filter((g) => g.items.length > 0);
  if (rowStyle.items.length > 0) groups.unshift(rowStyle);
  return groups;
}

/** A money cell holds a figure: a number, or text that reads as one ("1,200", "35 万元"). */
function isFigure(grid: Grid, row: number, col: number): boolean {
  const v = grid.raw(row, col).value;
  return typeof v === 'number' || (typeof v === 'string' && /\d/.test(v) && /^[\s\d.,，万元%-]+$/.test(v));
}

function nearestHeading(headings: Array<{ col: number; group: BreakdownGroup }>, col: number): BreakdownGroup | null {
  let best: { col: number; group: BreakdownGroup } | null = null;
  for (const h of headings) if (h.col <= col && (!best || h.col > best.col)) best = h;
  return best?.group ?? null;
}

function nextFilled(grid: Grid, row: number, col: number, filled: number[]): number | null {
  const next = filled.find((c) => c > col);
  if (next === undefined) return null;
  return typeof grid.raw(row, next).value === 'number' || /^[\d.,\s万元-]+$/.test(grid.text(row, next)) ? next : null;
}

function stripQiZhong(text: string): string {
  return text
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]$/, '')
    .trim();
}

/** Points the budget block declares in a label: "得分（20分×执行率）", "预算执行率（20分）", "得分 = 20分 × 执行率". */
function budgetPoints(grid: Grid, top: number, bottom: number, left: number, right: number): BudgetEntries['declaredWeight'] {
  for (let row = Math.max(grid.top, top); row <= bottom; row++) {
    for (const col of grid.filledColumns(row)) {
      if (col < left - 2 || col > right || typeof grid.raw(row, col).value !== 'string') continue;
      const key = grid.label(row, col);
      if (!/得分|执行率|预算执行/.test(key)) continue;
      const points = declaredPoints(key);
      if (points !== null) return { points, cell: ref(grid, row, col) };
    }
  }
  return null;
}

function hasExplanation(grid: Grid, top: number, bottom: number, left: number, right: number): boolean {
  for (let row = top; row <= bottom; row++) {
    for (let col = left; col <= right; col++) {
      const t = grid.text(row, col);
      if (t.length > 4 && /原因|说明|结转|未执行|滞后/.test(t)) return true;
    }
  }
  return false;
}

function readGoals(grid: Grid, top: number, bottom: number, left: number, right: number): GoalEntry[] {
  const goals: GoalEntry[] = [];
  for (let row = top; row <= bottom; row++) {
    for (const col of grid.filledColumns(row)) {
      if (col < left - 2 || col > right) continue;
      const key = grid.label(row, col);
      // 预期目标 / 实际完成情况, or as special-fund forms print them, 年初设定目标 / 全年实际完成情况.
      if (!/^(预期目标|实际完成情况|年初设定目标|全年实际完成情况)$/.test(key)) continue;
      const m = grid.merge(row, col);
      const below = (m ? m.bottom : row) + 1;
      goals.push({ label: key, labelCell: ref(grid, row, col), textCell: ref(grid, below, col), text: grid.text(below, col) });
    }
  }
  return goals;
}

/** A row under a weighted indicator that breaks it down ("其中：…") with no weight of its own. */
function isDetailRow(name: string, weightText: string, scoreText: string): boolean {
  return /^其中/.test(name.trim()) && weightText === '' && scoreText === '';
}

function readIndicators(grid: Grid, loc: FormLocation): IndicatorEntry[] {
  const c: IndicatorColumns = loc.indicators.columns;
  const end = loc.total !== null && loc.total.valueCol === undefined ? loc.total.row - 1 : loc.bottom;
  const out: IndicatorEntry[] = [];
  let level1 = { name: '', level: null as Level1 | null, declared: null as string | null, cell: null as CellRef | null };
  let level2 = '';
  let goal: WeightGroup | null = null;
  const text = (row: number, col: number | undefined) => (col === undefined ? '' : grid.text(row, col));
  for (let row = loc.indicators.row + 1; row <= end; row++) {
    if (c.goal !== undefined) {
      const t = grid.text(row, c.goal);
      if (t) goal = { name: labelKey(t), declared: declaredPoints(t), cell: ref(grid, row, c.goal) };
    }
    if (c.level1 !== undefined) {
      const t = grid.text(row, c.level1);
      if (t && labelKey(t) !== '一级指标') {
        const p = parseLevel1(t);
        level1 = { name: p.name, level: p.level, declared: p.declared, cell: ref(grid, row, c.level1) };
      }
    }
    if (c.level2 !== undefined) {
      const t = grid.text(row, c.level2);
      if (t && labelKey(t) !== '二级指标') level2 = labelKey(t);
    }
    const name = grid.text(row, c.name);
    if (labelKey(name) === '三级指标') continue;
    const target = joinTarget(grid, row, c);
    const actual = c.actual !== undefined ? grid.display(row, c.actual) : '';
    const weightText = text(row, c.weight);
    const scoreText = text(row, c.score);
    const empty = target === '' && actual === '' && weightText === '' && scoreText === '';
    if (empty && isPlaceholderName(name)) continue;
    if (empty && name === '') continue;
    // A footer row (说明, the explanation of a form without an explanation column) ends the table.
    if (isFooterRow(grid, row, loc.indicators.firstCol, c.name)) break;
    if (isDetailRow(name, weightText, scoreText)) continue;
    const deviationCell = c.deviation !== undefined ? ref(grid, row, c.deviation) : null;
    const cell = (col: number | undefined) => (col === undefined ? null : ref(grid, row, col));
    out.push({
      row,
      level1: level1.name,
      level1Kind: level1.level,
      level1Declared: level1.declared,
      level1Cell: level1.cell,
      level2,
      name,
      nameCell: ref(grid, row, c.name),
      target,
      targetCell: cell(c.target),
      actual,
      actualCell: cell(c.actual),
      weightCell: cell(c.weight),
      scoreCell: cell(c.score),
      coefficientCell: cell(c.coefficient),
      core: readCore(text(row, c.core)),
      group: goal ?? { name: level1.name, declared: level1.declared, cell: level1.cell },
      deviationCell,
      deviation: deviationCell ? grid.text(deviationCell.row, deviationCell.col) : '',
    });
  }
  return out;
}

function readCore(text: string): boolean | null {
  const t = labelKey(text);
  if (/^(是|√|✓|核心指标)$/.test(t)) return true;
  if (/^(否|×|非核心指标)$/.test(t)) return false;
  return null;
}

const FOOTER = /^(偏差原因|未完成原因|说明|备注|存在问题|自评结论|评价结论)/;

/** A row whose first entry, left of or in the indicator column, is a footer label ("说明", "偏差原因分析…"). */
function isFooterRow(grid: Grid, row: number, from: number, nameCol: number): boolean {
  for (let col = Math.max(grid.left, from - 2); col <= nameCol; col++) {
    const value = grid.raw(row, col).value;
    if (value === null || value === '') continue;
    return typeof value === 'string' && FOOTER.test(labelKey(value));
  }
  return false;
}

/** The explanation below the table of a form that has no explanation column: a footer label, its text beside or below it. */
function readFooterExplanation(grid: Grid, loc: FormLocation, left: number, right: number): FooterExplanation | null {
  for (let row = loc.indicators.row + 1; row <= loc.bottom; row++) {
    for (const col of grid.filledColumns(row)) {
      if (col < left - 2 || col > right) continue;
      const key = grid.label(row, col);
      if (!/^(偏差原因|未完成原因|失分原因)/.test(key)) continue;
      const m = grid.merge(row, col);
      const besideCol = (m ? m.right : col) + 1;
      const beside = grid.filledColumns(row).find((c) => c >= besideCol && c <= right + 3);
      const at =
        beside !== undefined ? { row, col: beside } : besideCol <= right ? { row, col: besideCol } : { row: (m ? m.bottom : row) + 1, col };
      return { labelCell: ref(grid, row, col), textCell: ref(grid, at.row, at.col), text: grid.text(at.row, at.col) };
    }
  }
  return null;
}

function joinTarget(grid: Grid, row: number, c: IndicatorColumns): string {
  const parts = [c.targetComparator, c.target, c.targetUnit]
    .filter((col): col is number => col !== undefined)
    .map((col) => grid.display(row, col))
    .filter((t) => t !== '');
  return parts.join(' ').trim();
}

function readTotal(grid: Grid, loc: FormLocation): FormEntries['total'] {
  if (loc.total === null) return null;
  const { row, labelCol, valueCol } = loc.total;
  const c: IndicatorColumns = loc.indicators.columns;
  // A total beside its label above the table has no 分值 cell.
  if (valueCol !== undefined) return { row, labelCell: ref(grid, row, labelCol), weightCell: null, scoreCell: ref(grid, row, valueCol) };
  return {
    row,
    labelCell: ref(grid, row, labelCol),
    weightCell: c.weight === undefined ? null : ref(grid, row, c.weight),
    scoreCell: c.score === undefined ? null : ref(grid, row, c.score),
  };
}

function readGrade(grid: Grid, loc: FormLocation, left: number, right: number): FormEntries['grade'] {
  const from = loc.total?.row ?? loc.indicators.row;
  for (let row = from; row <= Math.min(loc.bottom, from + 3); row++) {
    const filled = grid.filledColumns(row);
    for (const col of filled) {
      if (col < left || col > right || !isGradeLabel(grid.label(row, col))) continue;
      const m = grid.merge(row, col);
      const after = (m ? m.right : col) + 1;
      // The grade sits in the next filled cell to the right, or in the cell right after the label.
      const valueCol = filled.find((c) => c >= after && c <= right) ?? after;
      return { labelCell: ref(grid, row, col), valueCell: ref(grid, row, valueCol) };
    }
  }
  return null;
}
