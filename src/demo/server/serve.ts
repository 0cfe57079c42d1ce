// A small static server for the built demo: local only (127.0.0.1), no directory listings,
// no caching, a Content-Security-Policy on every page so the pane cannot load anything from
// elsewhere or evaluate strings as code, and text compressed (brotli or gzip, as the browser asks).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import CSP_DIRECTIVES from '../csp.json';

// The pages carry the same policy as a meta tag (webpack.demo.js); frame-ancestors works only as a header.
export const CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, "frame-ancestors 'self'"].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Worth compressing: text. The .xlsx samples and images are zip or PNG already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.svg']);

type Encoding = 'br' | 'gzip';

/** The encoding the request accepts, brotli first; null for none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m !== null);
    if (name) offered.set(name, q ? Number(q[1]) : 1);
  }
  const accepts = (name: Encoding): boolean => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Compressed bodies by file, encoding and modification time: each is compressed once per build. */
const compressed = new Map<string, Buffer>();

function compress(file: string, mtime: number, body: Buffer, encoding: Encoding): Buffer {
  const key = `${encoding}\u0000${mtime}\u0000${file}`;
  let out = compressed.get(key);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return out;
}

export interface RunningServer {
  /** The address to open, e.g. http://localhost:3000/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file a request path names inside root, or null when it would leave root. */
function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

function handler(root: string) {
  return async (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const headers: Record<string, string> = {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, req.url ?? '/');
    try {
      const info = file ? await stat(file) : null;
      if (!file || !info?.isFile()) throw new Error('not a file');
      let body: Buffer = await readFile(file);
      const typed: Record<string, string> = { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
      const encoding = COMPRESSIBLE.has(extname(file)) ? chooseEncoding(req.headers['accept-encoding']) : null;
      if (COMPRESSIBLE.has(extname(file))) typed['Vary'] = 'Accept-Encoding';
      if (encoding) {
        body = compress(file, info.mtimeMs, body, encoding);
        typed['Content-Encoding'] = encoding;
      }
      res.writeHead(200, { ...typed, 'Content-Length': String(body.length) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到 / Not found');
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serve `root` on 127.0.0.1. Port 0 asks the system for a free one; any other port is tried
 * first and, when taken, the next ones up to `tries` of them.
 */
export async function startDemoServer(root: string, port = 3000, tries = 20): Promise<RunningServer> {
  const server = createServer((req, res) => void handler(normalize(root))(req, res));
  let bound = -1;
  for (let attempt = 0; bound < 0; attempt++) {
    try {
      bound = await listen(server, port === 0 ? 0 : port + attempt, '127.0.0.1');
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!taken || port === 0 || attempt + 1 >= tries) throw error;
    }
  }
  return {
    url: `http://localhost:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
