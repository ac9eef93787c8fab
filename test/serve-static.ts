import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/prefix/` */
  url: string;
  /** Paths that were requested and not found (for broken-link checks). */
  missing: string[];
  close(): Promise<void>;
}

/**
 * A tiny static host for a built site under a path prefix, like GitHub Pages: folders serve
 * their index.html, unknown paths get /404.html with status 404.
 */
export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const missing: string[] = [];
  const send404 = async (res: import('node:http').ServerResponse) => {
    const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
    res.writeHead(404, { 'content-type': types['.html']! }).end(body);
  };
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      missing.push(path);
      return send404(res);
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) return send404(res);
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      missing.push(path);
      await send404(res);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    missing,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
