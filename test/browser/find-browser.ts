// Which Chrome, Chromium or Edge the browser tests drive: CHROME_PATH when set, else the usual
// install places on Linux, macOS and Windows. playwright-core brings no browser of its own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Machine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
}

/** Where Chrome, Chromium and Edge install themselves, most likely first. */
export function candidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => roots.map((root) => `${root}/${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/google/chrome/chrome',
  ];
}

/** The browser to launch; throws a message that says what to install or set when there is none. */
export function findBrowser(machine: Machine = { platform: process.platform, env: process.env, exists: existsSync }): string {
  const chosen = machine.env.CHROME_PATH?.trim();
  if (chosen) {
    if (machine.exists(chosen)) return chosen;
    throw new Error(`CHROME_PATH 指向的浏览器不存在：${chosen} / CHROME_PATH names no file: ${chosen}`);
  }
  const tried = candidates(machine.platform, machine.env);
  const found = tried.find((path) => machine.exists(path));
  if (found) return found;
  throw new Error(
    [
      '浏览器测试需要 Chrome、Chromium 或 Edge，但在常见位置都没有找到。',
      '请安装其中一个（Debian/Ubuntu：apt-get install chromium），或把浏览器程序的路径写进环境变量 CHROME_PATH。',
      'The browser tests need Chrome, Chromium or Edge and found none; install one or set CHROME_PATH.',
      `找过 / looked in: ${tried.join(', ')}`,
    ].join('\n'),
  );
}
