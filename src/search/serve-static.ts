import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml']);

export interface StaticServer {
  url: string;
  server: Server;
  /** Bytes sent (response bodies as sent, gzip where compressed, plus status line and headers) and responses, since the last reset. */
  sent: { bytes: number; responses: number; reset(): void };
  close(): Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 under `prefix` (e.g. `/my-archive/`), gzipping text as
 * GitHub Pages does, for tests and benchmarks. Folders serve their index.html.
 */
export function serveStatic(root: string, prefix = '/', port = 0): Promise<StaticServer> {
  const sent = {
    bytes: 0,
    responses: 0,
    reset() {
      sent.bytes = 0;
      sent.responses = 0;
    },
  };
  const server = createServer((req, res) => {
    // Count what goes on the wire for this response: the socket's bytes written meanwhile.
    const socket = req.socket;
    const before = socket.bytesWritten;
    res.on('finish', () => {
      sent.bytes += socket.bytesWritten - before;
      sent.responses++;
    });
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under the prefix');
      return;
    }
    path = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': 'max-age=600' };
    const gzip = compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip({ level: 6 })).pipe(res);
    else stream.pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}${prefix}`,
        server,
        sent,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
