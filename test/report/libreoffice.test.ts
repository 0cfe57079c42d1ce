// An independent reader: LibreOffice (Debian's libreoffice-writer-nogui, installed by .ci/run)
// converts the drafted .docx to PDF without errors. Skipped only where soffice is absent outside CI.
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { draftReport } from '../../src/core/draft/draft';
import { renderDocx } from '../../src/report/docx';
import { projectForm, seedForm } from './forms';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
if (SOFFICE === null && process.env.CI) throw new Error('CI must have LibreOffice (libreoffice-writer-nogui) for this test; see .ci/run');
if (SOFFICE === null) console.warn('test/report/libreoffice.test.ts skipped: soffice not found (apt-get install libreoffice-writer-nogui)');
const maybe = SOFFICE === null ? test.skip : test;

maybe(
  'LibreOffice converts the seed and the project drafts to PDF without errors',
  async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-report-'));
    try {
      const files = [];
      for (const [name, form] of [
        ['seed', seedForm()],
        ['project', projectForm()],
      ] as const) {
        const file = path.join(dir, `${name}.docx`);
        await fs.writeFile(file, await renderDocx(draftReport(form)));
        files.push(file);
      }
      // A profile of its own, so a LibreOffice the person has open (or a parallel run) does not interfere.
      const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
      const { stderr } = await run(SOFFICE!, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
        timeout: 120_000,
      });
      expect(stderr).not.toMatch(/error/i);
      for (const name of ['seed', 'project']) {
        const pdf = await fs.readFile(path.join(dir, `${name}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        // A report of this length fills several pages; a broken file converts to one empty page.
        expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(3);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
