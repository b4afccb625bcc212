// Serves test/fixtures (and /work/shared/pages copies) from 127.0.0.1 only; tests never touch the network.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const fixturesDir = resolve(import.meta.dirname, '../fixtures');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

export interface FixtureServer {
  /** Origin such as http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Requests under /hang/ are never answered: a subresource that never finishes, from a host that takes the request and stalls. */
const HANGING_PREFIX = 'hang/';

export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^([/\\])+/,
      '',
    );
    if (path.startsWith(HANGING_PREFIX)) return;
    const file = join(fixturesDir, path || 'demo.html');
    if (!file.startsWith(fixturesDir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => {
        const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
        // Packs are fetched by the options page, a cross-origin request: allow it, as a server publishing packs would.
        if (extname(file) === '.json') headers['access-control-allow-origin'] = '*';
        response.writeHead(200, headers).end(body);
      })
      .catch(() => response.writeHead(404).end('not found'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Requests left hanging would keep the server open for ever.
        server.closeAllConnections();
      }),
  };
}
