// Writes the sample workbooks in assets/samples/ from the sketches in test/fixtures/.
import path from 'path';
import { projectSketch } from '../test/fixtures/project';
import { seedSketch } from '../test/fixtures/seed';
import { sketchToWorkbook } from '../src/xlsx/convert';
import { saveWorkbook } from '../src/xlsx/file';

const OUT = path.join(__dirname, '..', 'assets', 'samples');

async function main(): Promise<void> {
  const samples = [
    { file: 'seed-2022-department.xlsx', sketches: [seedSketch] },
    { file: 'project-sample.xlsx', sketches: [projectSketch] },
  ];
  for (const s of samples) {
    const target = path.join(OUT, s.file);
    await saveWorkbook(sketchToWorkbook(s.sketches), target);
    console.log(`已写入 ${path.relative(process.cwd(), target)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
