// `npm start` / `npm stop`: office-addin-debugging from this project (an optional dependency), with
// the manifest and any arguments passed on (`npm start -- web --document <URL>`). When npm skipped
// it — its keytar dependency downloads or compiles a native module, which fails offline or without
// build tools — say so and what to do, instead of "command not found".
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [command = 'start', ...rest] = process.argv.slice(2);
const args = [command, 'manifest.xml', ...rest];

function cliPath(): string | null {
  try {
    const pkg = createRequire(__filename).resolve('office-addin-debugging/package.json');
    return join(dirname(pkg), 'cli.js');
  } catch {
    return null;
  }
}

const cli = cliPath();
if (cli === null) {
  process.stderr.write(
    [
      'office-addin-debugging 未安装：npm ci 时它依赖的 keytar 无法下载或编译本机模块（离线或缺少编译工具），已被跳过。',
      '办法：联网后运行 npm install（Windows、macOS 会下载 keytar 的预编译版本），再运行 npm ' + command + '；',
      '或者不用它：npm run dev-server 启动页面，再按 README“侧载”一节手动加载 manifest.xml（Excel 网页版在任何系统上都可以）。',
      'office-addin-debugging was skipped when installing (its keytar dependency could not fetch or build its native module).',
      'Run `npm install` with network access, or start `npm run dev-server` and sideload manifest.xml by hand (README, Sideloading).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
