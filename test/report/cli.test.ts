// `jixiao report FILE --out 自评报告.docx`: the draft of the one form, the same output safety as
// recompute (never an input, --force to replace), exit status 0 / 1 / 2.
import { promises as fs } from 'fs';
import path from 'path';
import { projectSketch } from '../fixtures/project';
import { seedSketch, seedSketchAt } from '../fixtures/seed';
import { run, STACK, tempDir, writeSketches } from '../cli/helpers';
import { docxPart, paragraphs } from './docx-xml';

let dir = '';
let seed = '';

beforeAll(async () => {
  dir = await tempDir();
  seed = await writeSketches(path.join(dir, 'seed.xlsx'), [seedSketch]);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const docxText = async (file: string) => paragraphs(docxPart(new Uint8Array(await fs.readFile(file)), 'word/document.xml')).join('\n');

test('drafts the seed: exit 0, the recomputed figures, and a line on the figures that differ', async () => {
  const out = path.join(dir, '自评报告.docx');
  const r = await run('report', seed, '--out', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`已写入 ${out}：株洲市公安局渌口分局2022年度绩效自评报告草稿，8 处【请补充】待填写`);
  expect(r.out).toContain('表中 3 处数字与按规则重算的结果不同（H19、H23、H41）');
  const text = await docxText(out);
  expect(text).toContain('绩效自评总分为97.87分（满分100分），自评等级为“优”');
  expect(text).toContain('预算执行率100.00%');
});

test('a form with error findings is drafted, and the exit status says the form needs fixing (1)', async () => {
  const file = await writeSketches(path.join(dir, 'project.xlsx'), [projectSketch]);
  const out = path.join(dir, 'project.docx');
  const r = await run('report', file, '--out', out);
  expect(r.code).toBe(1);
  expect(await docxText(out)).toContain('【请补充：“工程按期完工率”的偏差原因及改进措施】');
});

describe('output safety, as recompute', () => {
  test('an existing file is replaced only with --force', async () => {
    const out = path.join(dir, 'kept.docx');
    await fs.writeFile(out, 'the person’s own report');
    const r = await run('report', seed, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jixiao：${out}：文件已存在，不会覆盖；如确需覆盖请加 --force（output exists, use --force）`);
    expect(await fs.readFile(out, 'utf8')).toBe('the person’s own report');
    expect((await run('report', seed, '--out', out, '--force')).code).toBe(0);
    expect(await docxText(out)).toContain('97.87');
  });

  test('never the input, even through a link named .docx, even with --force', async () => {
    const before = await fs.readFile(seed);
    for (const [name, make] of [
      ['link.docx', fs.symlink],
      ['hard.docx', fs.link],
    ] as const) {
      const out = path.join(dir, name);
      await make(seed, out);
      const r = await run('report', seed, '--out', out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^jixiao：.*输入文件/);
      expect(r.err.split('\n')).toHaveLength(1);
    }
    expect((await fs.readFile(seed)).equals(before)).toBe(true);
  });

  test('--out must be a .docx', async () => {
    const r = await run('report', seed, '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('报告文件应以 .docx 结尾（--out must end in .docx）');
  });
});

describe('which form', () => {
  test('a file with no form: one clear line, exit 2, nothing written', async () => {
    const file = await writeSketches(path.join(dir, 'cover.xlsx'), [{ name: '封面', rows: [['2022 年度绩效自评材料']], merges: [] }]);
    const out = path.join(dir, 'none.docx');
    const r = await run('report', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `jixiao：${file}：没有找到绩效自评表，无法起草报告；需要一行含“三级指标”“年度指标值/实际完成值”“分值”“得分”的表头（no form found）`,
    );
    expect(r.err).not.toMatch(STACK);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test('forms on two sheets: --sheet chooses one', async () => {
    const file = await writeSketches(path.join(dir, 'two.xlsx'), [seedSketch, seedSketchAt({ row: 3, col: 2 }, '复核')]);
    const out = path.join(dir, 'two.docx');
    const r = await run('report', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2 张工作表「部门整体支出绩效自评表」「复核」上都有自评表，报告一次起草一张；请用 --sheet 指定');
    const chosen = await run('report', file, '--sheet', '复核', '--out', out);
    expect(chosen.code).toBe(0);
    expect(await docxText(out)).toContain('根据工作表「复核」中的自评表生成');
  });

  test('a usage mistake names the option', async () => {
    const r = await run('report', seed);
    expect(r.code).toBe(2);
    expect(r.err).toBe('jixiao：report 需要 --out 指定新文件（report needs --out <自评报告.docx>）；运行 jixiao --help 查看用法');
  });
});
