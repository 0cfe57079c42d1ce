// For the whole-process benchmark: a Node process that loads exceljs and opens one workbook with
// it (what the command did before the file door), to compare with `node bin/jixiao.js check`.
const { readFileSync } = require('fs');
const { Workbook } = require('exceljs');

new Workbook().xlsx.load(readFileSync(process.argv[2])).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
