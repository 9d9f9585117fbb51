// The wasm travels compressed on any host (issue 14, §5; assets/load-wasm.js):
// a host that compresses nothing still sends the app's wasm as its .gz,
// decoded in the page; a compressing host sends the plain file compressed,
// decoded once (by the browser); a host that sends the .gz with
// Content-Encoding: gzip is not decoded twice; a .gz that is missing, is a
// host's index page or is cut short falls back to the plain file. Each time
// the app runs, the service worker takes what the page fetched (no second
// request) and the app starts offline after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launch, phonePage, open, DIST } from './harness.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.gz': 'application/gzip',
};
const WASM = readdirSync(DIST).find((f) => /^rusplan-[0-9a-f]+_bg\.wasm$/.test(f));
const RAW = statSync(join(DIST, WASM)).size;
const GZ = statSync(join(DIST, `${WASM}.gz`)).size;
const BR = statSync(join(DIST, `${WASM}.br`)).size;

/** A static host on loopback, as plain as Python's http.server unless told:
 *  `precompressed` sends X.br / X.gz for X with Content-Encoding where the
 *  browser accepts it (nginx gzip_static/brotli_static, Caddy precompressed);
 *  `gzEncoded` sends each .gz file with Content-Encoding: gzip (Apache's
 *  AddEncoding); `wasmGz` is what to do with a request for a wasm's .gz:
 *  '404', 'index' (a host that answers every unknown path with the index
 *  page) or 'cut' (half of it). Counts the bytes it sends per path. */
async function host(options = {}) {
  const sent = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    requests.push(path);
    let file = join(DIST, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ''));
    let body;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      body = await readFile(file);
    } catch {
      body = null;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/_bg\.wasm\.gz$/.test(path) && options.wasmGz) {
      if (options.wasmGz === '404') body = null;
      if (options.wasmGz === 'index') { body = await readFile(join(DIST, 'index.html')); headers['content-type'] = TYPES['.html']; }
      if (options.wasmGz === 'cut') body = body.subarray(0, body.length >> 1);
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (options.gzEncoded && path.endsWith('.gz')) headers['content-encoding'] = 'gzip';
    if (options.precompressed) {
      const accepts = req.headers['accept-encoding'] ?? '';
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts.includes(encoding)) continue;
        const packed = await readFile(`${file}${ext}`).catch(() => null);
        if (packed) { body = packed; headers['content-encoding'] = encoding; headers.vary = 'Accept-Encoding'; break; }
      }
    }
    sent.set(path, (sent.get(path) ?? 0) + body.length);
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    sent,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** A first visit to the home screen until the app runs; then, the worker
 *  installed, the same with the host gone. Returns what the host sent. */
async function visit(server) {
  const { context, page, errors } = await phonePage(browser);
  try {
    return await firstAndOffline(server, page, errors);
  } finally {
    await context.close();
    await server.close();
  }
}

async function firstAndOffline(server, page, errors) {
  await open(page, `${server.url}/`);
  assert.equal(await page.evaluate(() => window.rusplanFailed), undefined, 'the app started');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Every hashed file at most once: the worker took the page's copies.
  const hashed = server.requests.filter((p) => /-[0-9a-f]{8,16}(?:[._-]|$)/.test(p));
  assert.deepEqual(hashed.filter((p, i) => hashed.indexOf(p) !== i), [], 'each hashed file once');
  const wasmBytes = (server.sent.get(`/${WASM}`) ?? 0) + (server.sent.get(`/${WASM}.gz`) ?? 0);
  const requests = [...server.requests];
  await server.close();
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('h1'));
  assert.equal(await page.evaluate(() => window.rusplanFailed), undefined, 'the app started offline');
  assert.ok(await page.locator('.situations a').count() > 0, 'the home screen offline');
  return { wasmBytes, requests, errors };
}

test('a host that compresses nothing: the wasm comes as its .gz, the app runs, and offline after', async () => {
  const { wasmBytes, requests, errors } = await visit(await host());
  assert.ok(requests.includes(`/${WASM}.gz`), 'the .gz was asked for');
  assert.ok(!requests.includes(`/${WASM}`), 'the plain file was not');
  assert.equal(wasmBytes, GZ, `wasm bytes sent: ${wasmBytes} (raw ${RAW}, gzip ${GZ})`);
  assert.deepEqual(errors, []);
});

test('a compressing host: the plain wasm, brotli, decoded once by the browser', async () => {
  const { wasmBytes, requests, errors } = await visit(await host({ precompressed: true }));
  assert.ok(!requests.includes(`/${WASM}.gz`), 'no .gz asked for');
  assert.equal(wasmBytes, BR, `wasm bytes sent: ${wasmBytes} (brotli ${BR})`);
  assert.deepEqual(errors, []);
});

test('a host that sends the .gz with Content-Encoding: gzip: not decoded a second time', async () => {
  const { wasmBytes, requests, errors } = await visit(await host({ gzEncoded: true }));
  assert.ok(requests.includes(`/${WASM}.gz`) && !requests.includes(`/${WASM}`), requests.join(' '));
  assert.equal(wasmBytes, GZ);
  assert.deepEqual(errors, []);
});

for (const [wasmGz, what] of [['404', 'missing (404)'], ['index', 'answered with the index page'], ['cut', 'cut short']]) {
  test(`a .gz ${what}: the plain file, and the app runs, offline too`, async () => {
    const { requests } = await visit(await host({ wasmGz }));
    assert.ok(requests.includes(`/${WASM}.gz`) && requests.includes(`/${WASM}`), requests.join(' '));
  });
}
