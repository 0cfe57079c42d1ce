// The .docx read back from its XML: the seed's figures, every indicator, the explanations, the
// placeholders, and the official-document layout (fonts, sizes, page, page numbers).
import { draftReport } from '../../src/core/draft/draft';
import { renderDocx } from '../../src/report/docx';
import { docxPart, paragraphs, paragraphXml, tables } from './docx-xml';
import { SEED_LOST_ROWS, seedForm, seedWithoutExplanations } from './forms';

let seedXml = '';
let seedBytes: Uint8Array;

beforeAll(async () => {
  seedBytes = await renderDocx(draftReport(seedForm()));
  seedXml = docxPart(seedBytes, 'word/document.xml');
});

describe('content', () => {
  test("the seed's recomputed figures: 100.00%, 97.87, 优", () => {
    const text = paragraphs(seedXml).join('\n');
    expect(text).toContain('预算执行率100.00%');
    expect(text).toContain('绩效自评总分为97.87分（满分100分），自评等级为“优”');
  });

  test('every indicator of the seed is in a table, with its target, actual, weight, score and completion', () => {
    const rows = tables(seedXml).flatMap((t) => t.slice(1));
    const seed = seedForm();
    expect(rows.map((r) => r[0])).toEqual(seed.indicators.map((i) => i.name));
    for (const [k, i] of seed.indicators.entries())
      expect(rows[k]).toEqual([i.name, i.target, i.actual, i.weight, i.score, i.met ? '是' : '否']);
    expect(tables(seedXml)[0][0]).toEqual(['指标', '年度指标值', '实际完成值', '分值', '得分', '是否完成']);
  });

  test('the explanations of the rows that lost points', () => {
    const text = paragraphs(seedXml).join('\n');
    expect(text).toContain('采集工作接近尾声，未能采集的居民大多不在常驻地，采集难度加大。');
    expect(text).toContain('因疫情不宜经常集中开展培训。');
    expect(text).toContain('因电诈类案件频发，破案难度大，办案成本高。另补立案件较以往年度增加。');
  });

  test('a form without explanations: a highlighted placeholder for each, naming the row', async () => {
    const xml = docxPart(await renderDocx(draftReport(seedWithoutExplanations())), 'word/document.xml');
    for (const name of SEED_LOST_ROWS) {
      const placeholder = `【请补充：“${name}”的偏差原因及改进措施】`;
      const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
        .map((m) => m[0])
        .find((r) => r.includes(`<w:t xml:space="preserve">${placeholder}</w:t>`));
      expect(run).toContain('<w:highlight w:val="yellow"/>');
    }
  });
});

describe('layout (GB/T 9704 as docs/report.md cites it)', () => {
  test('title: 方正小标宋简体 at 二号 (sz 44), centred', () => {
    const p = paragraphXml(seedXml, '株洲市公安局渌口分局2022年度部门整体支出绩效自评报告');
    expect(p).toContain('w:eastAsia="方正小标宋简体"');
    expect(p).toContain('<w:sz w:val="44"/>');
    expect(p).toContain('<w:jc w:val="center"/>');
  });

  test('body: 仿宋 at 三号 (sz 32), fixed 28.95 pt lines, two-character indent', () => {
    const p = paragraphXml(seedXml, '按支出性质分：基本支出7067.17万元，项目支出948.92万元。');
    expect(p).toContain('w:eastAsia="仿宋"');
    expect(p).toContain('w:ascii="Times New Roman"');
    expect(p).toContain('<w:sz w:val="32"/>');
    expect(p).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(p).toContain('w:firstLine="640"');
  });

  test('headings: 一、黑体, （一）楷体, 1. 仿宋 bold, all 三号, as Word headings', () => {
    const h1 = paragraphXml(seedXml, '一、基本情况');
    expect(h1).toContain('<w:pStyle w:val="Heading1"/>');
    expect(h1).toContain('w:eastAsia="黑体"');
    const h2 = paragraphXml(seedXml, '（一）单位基本情况');
    expect(h2).toContain('<w:pStyle w:val="Heading2"/>');
    expect(h2).toContain('w:eastAsia="楷体"');
    const h3 = paragraphXml(seedXml, '1.数量指标');
    expect(h3).toContain('w:eastAsia="仿宋"');
    expect(h3).toContain('<w:b/>');
    for (const h of [h1, h2, h3]) expect(h).toContain('<w:sz w:val="32"/>');
  });

  test('A4 with 37 / 35 / 28 / 26 mm margins, page numbers "— 1 —" right on odd and left on even pages', () => {
    expect(seedXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(seedXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const settings = docxPart(seedBytes, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = [...seedXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort();
    expect(footers).toEqual(['default', 'even']);
    const odd = docxPart(seedBytes, 'word/footer1.xml');
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    expect(docxPart(seedBytes, 'word/footer2.xml')).toContain('<w:jc w:val="left"/>');
  });

  test('the font table names a fallback for every Chinese face (小标宋 → 宋体)', () => {
    const fonts = docxPart(seedBytes, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    for (const face of ['黑体', '楷体', '仿宋', '宋体']) expect(fonts).toContain(`<w:font w:name="${face}">`);
  });

  test('tables: 仿宋 五号 (sz 21), single spacing, the header row repeats on each page', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(seedXml)![0];
    expect(table).toContain('<w:tblHeader/>');
    expect(table).toContain('<w:sz w:val="21"/>');
    expect(table).toContain('w:line="240" w:lineRule="auto"');
  });
});

test('the same form gives the same bytes (no dates, fixed zip times)', async () => {
  const again = await renderDocx(draftReport(seedForm()));
  expect(Buffer.from(again).equals(Buffer.from(seedBytes))).toBe(true);
  expect(docxPart(seedBytes, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
});
