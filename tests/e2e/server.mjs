// A small static file server for the tests: serves a built folder on
// loopback. With `spa: true` it acts like a host with a rewrite rule: an
// unknown path gets the app's index.html, its relative URLs made absolute
// (as the service worker does for deep links). Without it, it behaves like
// a plain static host. Either way a folder is served as its index.html,
// and its address without the "/" is sent to the one with it. With
// `precompressed: true` it sends X.br or X.gz for X, with Content-Encoding,
// where the browser accepts it (nginx gzip_static/brotli_static, Caddy's
// precompressed); without, it compresses nothing. `sent` counts the bytes
// of each path's bodies.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(root, path) {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, safe);
  try {
    if ((await stat(file)).isDirectory()) {
      // As Python's http.server, nginx and Caddy do: a folder's address ends in "/".
      if (!path.endsWith('/')) return { redirect: `${path}/` };
      file = join(file, 'index.html');
    }
    return { file, body: await readFile(file) };
  } catch {
    return null;
  }
}

/** Starts serving `root`; resolves to { url, close, requests, sent }. */
export async function serve(root, { port = 0, spa = true, precompressed = false } = {}) {
  const requests = [];
  const sent = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    requests.push(path);
    let found = await fileAt(root, path);
    if (!found && spa && !extname(path)) {
      found = await fileAt(root, '/index.html');
      if (found) found = { ...found, body: Buffer.from(found.body.toString('utf8').replaceAll('="./', '="/')), rewritten: true };
    }
    if (found?.redirect) {
      res.writeHead(301, { location: found.redirect + new URL(req.url, 'http://localhost').search });
      res.end();
      return;
    }
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    let body = found.body;
    if (precompressed && !found.rewritten) {
      const accepts = req.headers['accept-encoding'] ?? '';
      headers.vary = 'Accept-Encoding';
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        const packed = accepts.includes(encoding) ? await readFile(`${found.file}${ext}`).catch(() => null) : null;
        if (packed) { body = packed; headers['content-encoding'] = encoding; break; }
      }
    }
    sent.set(path, (sent.get(path) ?? 0) + body.length);
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    sent,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// `node tests/e2e/server.mjs DIR PORT` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(root, { port: Number(port) });
  console.log(`Rusplan serveres på ${url}`);
}
