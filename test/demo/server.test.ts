// The demo server: local only, no files outside the build, a CSP on everything, and the next
// port when the asked one is taken.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, startDemoServer, type RunningServer } from '../../src/demo/server/serve';

/** A raw GET, so that "../" reaches the server as typed instead of being resolved by a client. */
function get(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
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

/** A raw GET asking for an encoding; the body as the bytes sent. */
function getRaw(
  port: number,
  path: string,
  acceptEncoding: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  const script = `${'const demo = 1;\n'.repeat(2000)}`;
  beforeAll(async () => {
    await writeFile(join(root, 'demo.js'), script);
    await writeFile(join(root, 'sample.xlsx'), Buffer.from('PK\u0003\u0004 already zipped'));
  });

  test.each([
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip, deflate', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['gzip;q=1, br;q=0', 'gzip', (b: Buffer) => gunzipSync(b)],
  ] as const)('Accept-Encoding %p gets %p, the same text, much smaller', async (accept, encoding, decode) => {
    const res = await getRaw(server.port, '/demo.js', accept);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(decode(res.body).toString('utf8')).toBe(script);
    expect(res.body.length).toBeLessThan(script.length / 10);
  });

  test('plain when the browser asks for none, and never for files that are zips already', async () => {
    const plain = await getRaw(server.port, '/demo.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    const xlsx = await getRaw(server.port, '/sample.xlsx', 'br, gzip');
    expect(xlsx.headers['content-encoding']).toBeUndefined();
  });

  test('the encoding chosen from Accept-Encoding', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
