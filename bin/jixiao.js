#!/usr/bin/env node
// The installed `jixiao` command: runs the compiled CLI (npm run build:cli writes dist/node).
const path = require('path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js'));
} catch {
  process.stderr.write('jixiao：找不到编译后的命令，请先运行 npm run build:cli（run `npm run build:cli` first）\n');
  process.exit(2);
}
cli.runFromProcess();
