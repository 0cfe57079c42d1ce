// Writes the sample workbooks in assets/samples/ from the sketches in test/fixtures/, and the drafted
// 自评报告 of the seed form (the same bytes on every run).
import { promises as fs } from 'fs';
import path from 'path';
import { draftReport } from '../src/core/draft/draft';
import { analyzeSheet } from '../src/core/engine';
import { renderDocx } from '../src/report/docx';
import { projectSketch } from '../test/fixtures/project';
import { seedSketch } from '../test/fixtures/seed';
import { sketchToSnapshot } from '../src/core/sketch';
import { sketchToWorkbook } from '../src/xlsx/convert';

const OUT = path.join(__dirname, '..', 'assets', 'samples');

async function main(): Promise<void> {
  const samples = [
    { file: 'seed-2022-department.xlsx', sketches: [seedSketch] },
    { file: 'project-sample.xlsx', sketches: [projectSketch] },
  ];
  for (const s of samples) {
    const target = path.join(OUT, s.file);
    await fs.writeFile(target, new Uint8Array((await sketchToWorkbook(s.sketches).xlsx.writeBuffer()) as ArrayBuffer));
    console.log(`已写入 ${path.relative(process.cwd(), target)}`);
  }
  const report = path.join(OUT, 'seed-2022-department-report.docx');
  await fs.writeFile(report, await renderDocx(draftReport(analyzeSheet(sketchToSnapshot(seedSketch)).forms[0])));
  console.log(`已写入 ${path.relative(process.cwd(), report)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
