// The browser tests find a browser on each platform, or say plainly what to do.
import { findBrowser, type Machine } from '../browser/find-browser';

function machine(platform: NodeJS.Platform, present: string[], env: NodeJS.ProcessEnv = {}): Machine {
  return { platform, env, exists: (path) => present.includes(path) };
}

test.each([
  ['linux', ['/usr/bin/chromium'], '/usr/bin/chromium'],
  ['linux', ['/usr/bin/google-chrome-stable'], '/usr/bin/google-chrome-stable'],
  ['linux', ['/usr/bin/microsoft-edge'], '/usr/bin/microsoft-edge'],
  [
    'darwin',
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  [
    'darwin',
    ['/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    '/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
] as const)('on %s finds %p', (platform, present, expected) => {
  expect(findBrowser(machine(platform, [...present], { HOME: '/Users/li' }))).toBe(expected);
});

test('on Windows looks under Program Files and the user’s own AppData', () => {
  const env = {
    PROGRAMFILES: 'C:\\Program Files',
    'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local',
  };
  expect(findBrowser(machine('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env))).toBe(
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  );
  expect(findBrowser(machine('win32', ['C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], env))).toBe(
    'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
  );
});

test('CHROME_PATH wins, and a wrong one is named', () => {
  expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/opt/my/chrome'], { CHROME_PATH: '/opt/my/chrome' }))).toBe('/opt/my/chrome');
  expect(() => findBrowser(machine('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/opt/gone' }))).toThrow(/CHROME_PATH.*\/opt\/gone/);
});

test('with no browser the message says what to install or set', () => {
  expect(() => findBrowser(machine('linux', []))).toThrow(/Chrome、Chromium 或 Edge[\s\S]*CHROME_PATH[\s\S]*\/usr\/bin\/chromium/);
});
