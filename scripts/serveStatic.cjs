// A tiny static file server for the built pane (dist/web): the playground (`npm run playground`) and the
// browser tests use it. Serves only files under `root`, on 127.0.0.1, over plain http.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root`. `/` is index.html. `overrides` maps a URL path to a function returning the body
 * to serve instead (the tests swap Office.js for a fake).
 *
 * @param {{ root: string, port?: number, host?: string, overrides?: Record<string, () => string | Buffer> }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
function serveStatic({ root, port = 0, host = '127.0.0.1', overrides = {} }) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const override = overrides[urlPath];
    const file = path.resolve(base, '.' + (urlPath === '/' ? '/index.html' : urlPath));
    const send = (status, body, type) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(body);
    };
    if (override !== undefined) {
      send(200, override(), types[path.extname(urlPath)] ?? 'application/octet-stream');
      return;
    }
    if (file !== base && !file.startsWith(base + path.sep)) {
      send(403, 'Forbidden', 'text/plain');
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) send(404, 'Not found', 'text/plain');
      else send(200, body, types[path.extname(file)] ?? 'application/octet-stream');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { serveStatic };
