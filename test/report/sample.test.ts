// The sample report in assets/samples/ is what `npm run samples` writes today (regenerate it when the
// draft changes).
import { readFileSync } from 'fs';
import path from 'path';
import { draftReport } from '../../src/core/draft/draft';
import { renderDocx } from '../../src/report/docx';
import { seedForm } from './forms';

test('assets/samples/seed-2022-department-report.docx is current', async () => {
  const kept = readFileSync(path.join(__dirname, '..', '..', 'assets', 'samples', 'seed-2022-department-report.docx'));
  const made = await renderDocx(draftReport(seedForm()));
  expect(Buffer.from(made).equals(kept)).toBe(true);
});
