// `jixiao recompute` writes the engine's figures into a copy and nothing else; `template` writes a blank form.
import { promises as fs } from 'fs';
import path from 'path';
import { Workbook } from 'exceljs';
import type { JsonReport } from '../../src/cli/json';
import { a1 } from '../../src/core/address';
import type { Cell, Snapshot } from '../../src/core/types';
import { projectSketch } from '../fixtures/project';
import { seedRows, seedSketch } from '../fixtures/seed';
import { readSnapshots, run, STACK, tempDir, writeSketches } from './helpers';

const DNA = seedRows.firstIndicator + 5;
const TRAINING = seedRows.firstIndicator + 9;

let dir: string;
let seed: string;
beforeAll(async () => {
  dir = await tempDir();
  seed = await writeSketches(path.join(dir, 'seed.xlsx'), [seedSketch, projectSketch]);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function cellsByAddress(s: Snapshot): Map<string, Cell> {
  const out = new Map<string, Cell>();
  s.cells.forEach((row, r) => row.forEach((c, k) => out.set(a1(s.top + r, s.left + k), c)));
  return out;
}

describe('recompute --out', () => {
  let out: string;
  let before: Snapshot[];
  let after: Snapshot[];
  let written: Set<string>;
  let code: number;

  beforeAll(async () => {
    out = path.join(dir, 'recomputed.xlsx');
    const r = await run('recompute', seed, '--out', out, '--json');
    code = r.code;
    const report = JSON.parse(r.out) as JsonReport;
    written = new Set(report.files[0].forms.flatMap((f) => f.writes.map((w) => `${f.sheet}!${w.cell}`)));
    before = await readSnapshots(seed);
    after = await readSnapshots(out);
  });

  it('writes the new figures as numbers with two decimals in the right cells', () => {
    const cells = cellsByAddress(after[0]);
    expect(cells.get(`H${DNA}`)).toMatchObject({ value: 1.92, numberFormat: '0.00' });
    expect(cells.get(`H${TRAINING}`)).toMatchObject({ value: 1.95, numberFormat: '0.00' });
    expect(cells.get(`H${seedRows.total}`)).toMatchObject({ value: 97.87 });
    expect(typeof cells.get('G5')?.value).toBe('number');
    expect(code).toBe(1); // the project sheet keeps its missing explanation (deviation.missing)
  });

  it('leaves every other cell, merge and format as it was', () => {
    expect(written.size).toBeGreaterThan(3);
    expect(after.map((s) => s.sheet)).toEqual(before.map((s) => s.sheet));
    before.forEach((b, i) => {
      const a = after[i];
      expect(a.merges).toEqual(b.merges);
      const was = cellsByAddress(b);
      const now = cellsByAddress(a);
      for (const [address, cell] of was) {
        if (written.has(`${b.sheet}!${address}`)) continue;
        expect({ address, ...now.get(address) }).toEqual({ address, ...cell });
      }
    });
  });

  it('keeps borders, fonts, alignment and column widths', async () => {
    const [was, now] = [new Workbook(), new Workbook()];
    await was.xlsx.readFile(seed);
    await now.xlsx.readFile(out);
    was.worksheets.forEach((ws, i) => {
      const other = now.worksheets[i];
      for (let c = 1; c <= ws.columnCount; c++) expect(other.getColumn(c).width).toBe(ws.getColumn(c).width);
      ws.eachRow((row, r) => {
        expect(other.getRow(r).height).toBe(row.height);
        row.eachCell((cell) => {
          // Number formats are compared, cell by cell, in the snapshot test above.
          const style = { ...cell.style, numFmt: undefined };
          const kept = { ...other.getCell(cell.address).style, numFmt: undefined };
          expect({ at: cell.address, ...kept }).toEqual({ at: cell.address, ...style });
        });
      });
    });
  });

  it('reads back clean: the recomputed totals agree and the mismatches are gone', async () => {
    const r = await run('check', out, '--json', '--sheet', seedSketch.name);
    const form = (JSON.parse(r.out) as JsonReport).files[0].forms[0];
    expect(form.total).toMatchObject({ score: '97.87', enteredScore: '97.87' });
    expect(form.grade).toBe('优');
    expect(form.findings.filter((f) => f.code === 'score.mismatch')).toEqual([]);
    expect(form.writes).toEqual([]);
  });

  it('keeps styles of cells that shared a style with a rewritten one', async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(seedSketch.name);
    // H18 sat beside H19 with the same style; only H19 got the 0.00 format.
    expect(ws?.getCell(`H${DNA - 1}`).numFmt ?? 'General').toBe('General');
  });
});

describe('recompute over a formula total', () => {
  it('keeps the formula, names it for a check after opening, and does not blame it for its stale cached result', async () => {
    const out = path.join(dir, 'project.xlsx');
    const r = await run('recompute', seed, '--out', out, '--sheet', projectSketch.name);
    // The project form keeps one error of its own: a lost point with no explanation.
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/仍有错误 1、/);
    expect(r.out).toContain(`${projectSketch.name}!H23`);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(projectSketch.name)?.getCell('H23').formula).toBe('H6+SUM(H13:H22)');
  });
});

describe('recompute refuses to overwrite', () => {
  it('its input, even with --force', async () => {
    const bytes = await fs.readFile(seed);
    const r = await run('recompute', seed, '--out', path.join(dir, '.', 'seed.xlsx'), '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('输入文件');
    expect(await fs.readFile(seed)).toEqual(bytes);
  });

  it('an existing output unless --force', async () => {
    const target = path.join(dir, 'exists.xlsx');
    await fs.writeFile(target, 'keep me');
    const refused = await run('recompute', seed, '--out', target);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(await fs.readFile(target, 'utf8')).toBe('keep me');
    const forced = await run('recompute', seed, '--out', target, '--force', '--sheet', seedSketch.name);
    expect(forced.code).toBe(0);
    expect((await readSnapshots(target))[0].sheet).toBe(seedSketch.name);
  });

  it('an unreadable input: one line, exit 2, no output written', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'plain text');
    const target = path.join(dir, 'never.xlsx');
    const r = await run('recompute', bad, '--out', target);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    await expect(fs.stat(target)).rejects.toThrow();
  });
});

describe('template', () => {
  it('writes a blank form the checker recognises, and will not replace a file', async () => {
    const target = path.join(dir, 'blank.xlsx');
    const r = await run('template', 'project', '--out', target, '--year', '2025');
    expect(r.code).toBe(0);
    const check = await run('check', target, '--json');
    expect((JSON.parse(check.out) as JsonReport).files[0].forms[0]?.type).toBe('project');
    const again = await run('template', 'department', '--out', target);
    expect(again.code).toBe(2);
    const badYear = await run('template', 'department', '--out', path.join(dir, 'x.xlsx'), '--year', 'next');
    expect(badYear.code).toBe(2);
  });
});

describe('check and recompute agree on the same file', () => {
  const cover = { name: '封面', rows: [['2022 年度部门整体支出绩效自评'], ['填报单位：株洲市公安局渌口分局']] };
  const instructions = { name: '填表说明', rows: [['1. 分值、得分填数字，不带单位。'], ['2. 未达标的指标须填写偏差原因。']] };
  const damagedTotal = { ...projectSketch, rows: projectSketch.rows.map((r) => r.map((c) => (c === '总分' ? '总 分值' : c))) };
  test.each([
    ['the seed', [seedSketch]],
    ['a cover and an instructions sheet beside the form', [cover, seedSketch, instructions]],
    ['the project form with a missing explanation', [projectSketch]],
    ['a damaged 总分 label', [damagedTotal]],
    ['no form at all', [cover]],
  ])('%s: the same findings and exit status', async (name, sketches) => {
    const file = await writeSketches(path.join(dir, `agree-${name}.xlsx`), sketches);
    const check = await run('check', file, '--json');
    const recompute = await run('recompute', file, '--out', path.join(dir, `agree-${name}-out.xlsx`), '--json');
    const a = JSON.parse(check.out) as JsonReport;
    const b = JSON.parse(recompute.out) as JsonReport;
    expect(recompute.code).toBe(check.code);
    expect(b.files[0].findings).toEqual(a.files[0].findings);
    expect(b.files[0].forms.map((f) => f.findings)).toEqual(a.files[0].forms.map((f) => f.findings));
    expect(b.summary).toEqual(a.summary);
    // A sheet beside a form is not an error of the file.
    if (a.files[0].forms.length > 0) expect(a.files[0].findings.map((f) => f.code)).not.toContain('form.not-found');
  });

  test('a damaged 总分 label: nothing is written into the 自评等级 row', async () => {
    const file = await writeSketches(path.join(dir, 'damaged-total.xlsx'), [damagedTotal]);
    const r = await run('recompute', file, '--out', path.join(dir, 'damaged-total-out.xlsx'), '--json');
    const gradeRow = projectSketch.rows.findIndex((row) => row.includes('自评等级')) + 1;
    const writes = (JSON.parse(r.out) as JsonReport).files[0].forms.flatMap((f) => f.writes.map((w) => w.cell));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((cell) => cell.endsWith(String(gradeRow)))).toEqual([]);
  });
});
