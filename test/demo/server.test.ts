// The demo server: local only, no files outside the build, a CSP on everything, and the next
// port when the asked one is taken.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startDemoServer, type RunningServer } from '../../src/demo/server/serve';

/** A raw GET, so that "../" reaches the server as typed instead of being resolved by a client. */
function get(port: number, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let server: RunningServer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-serve-'));
  root = join(dir, 'site');
  await mkdir(root);
  await writeFile(join(root, 'index.html'), '<!doctype html><p>演示</p>');
  await writeFile(join(dir, 'secret.txt'), 'outside the site');
  server = await startDemoServer(root, 0);
});

afterAll(async () => {
  await server.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

test('serves the page with a Content-Security-Policy and no caching', async () => {
  const res = await get(server.port, '/');
  expect(res.status).toBe(200);
  expect(res.body).toContain('演示');
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  expect(res.headers['cache-control']).toBe('no-store');
  expect(server.url).toBe(`http://localhost:${server.port}/`);
});

test('never serves a file outside the build', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
    const res = await get(server.port, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the site');
  }
});

test('takes the next port when the one asked for is in use', async () => {
  const second = await startDemoServer(root, server.port);
  try {
    expect(second.port).toBeGreaterThan(server.port);
    expect((await get(second.port, '/')).status).toBe(200);
  } finally {
    await second.close();
  }
});
