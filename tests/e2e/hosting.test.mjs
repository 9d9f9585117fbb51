// The example host configurations in docs/hosting/ (README, "Publisere"),
// run on Debian's own nginx and Caddy on loopback: the security headers on
// the page and on an error (the app's own CSP plus frame-ancestors 'none'),
// MIME types, the precompressed .br/.gz files, caching; the app starts in
// Chromium under those headers, service worker included, at the root and
// under /rusplan/ as the files say to do it; and a page on another origin
// cannot frame it. The files are run as they are: only the address, port
// and folder are swapped in, and the TLS lines taken out (loopback is plain
// HTTP), each swap failing the test if the file no longer has what it swaps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, phonePage, open, DIST } from './harness.mjs';

const DOCS = fileURLToPath(new URL('../../docs/hosting/', import.meta.url));
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const CADDY = process.env.CADDY ?? '/usr/bin/caddy';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Fails (never skips) when a server is not installed, saying what to do. */
function need(path, what) {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: install ${what} from Debian (\`source scripts/setup.sh --browser\` does)`);
  }
}

/** Replaces `from` in `text`, failing if it is not there: the test must run
 *  the documented file, not quietly a different one. */
function swap(text, from, to) {
  const out = text.replace(from, () => to);
  assert.notEqual(out, text, `docs/hosting: expected ${from} in the file`);
  return out;
}

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/** A GET without any decoding: status, headers and the bytes as sent. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const children = new Set();
// A test run that dies without running `after` still takes its servers along.
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** Runs a server in the foreground until `stop()`; resolves once it answers. */
async function run(command, args, { url, env, dir }) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    }
    children.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try { await get(url); return { url, stop }; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  await stop();
  throw new Error(`${command} did not start:\n${stderr}`);
}

/** docs/hosting/nginx.conf on loopback, serving dist/ at the root or under
 *  /rusplan/ (with the two edits the file describes for that). */
async function nginx({ subPath }) {
  need(NGINX, 'nginx');
  need(BROTLI_MODULE, 'libnginx-mod-http-brotli-static');
  const dir = mkdtempSync(join(tmpdir(), 'rusplan-nginx-'));
  const [port, redirectPort] = [await freePort(), await freePort()];
  let site = readFileSync(`${DOCS}nginx.conf`, 'utf8');
  site = swap(site, /^[ \t]*listen \[::\]:(80|443)[^;]*;\n/gm, '');
  site = swap(site, /^ +listen 80;$/m, `    listen 127.0.0.1:${redirectPort};`);
  site = swap(site, /^ +listen 443 ssl http2;$/m, `    listen 127.0.0.1:${port};`);
  site = swap(site, /^[ \t]*ssl_\w+[ \t][^;]*;\n/gm, '');
  // (Each on the line that says it, not in the comments that explain it.)
  if (subPath) {
    site = swap(site, /^ +location \/ \{$/m, '    location /rusplan/ {');
    site = swap(site, /^ +root \/srv\/rusplan\/dist;$/m, `        alias ${DIST}/;`);
  } else {
    site = swap(site, /^ +root \/srv\/rusplan\/dist;$/m, `        root ${DIST};`);
  }
  writeFileSync(join(dir, 'rusplan.conf'), site);
  // Debian's /etc/nginx/nginx.conf, cut down, with its own files in `dir`.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;
error_log stderr;
worker_processes 1;
load_module ${BROTLI_MODULE};
events { worker_connections 64; }
http {
  sendfile on;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  gzip on;
  ${temp}
  include ${dir}/rusplan.conf;
}
`);
  const host = await run(NGINX, ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { url: `http://127.0.0.1:${port}/`, dir });
  return { ...host, base: `http://127.0.0.1:${port}${subPath ? '/rusplan/' : '/'}`, redirect: `http://127.0.0.1:${redirectPort}` };
}

/** docs/hosting/Caddyfile on loopback: its site address made plain HTTP on
 *  a port, or, for /rusplan/, its commented sub-path block put in place. */
async function caddy({ subPath }) {
  need(CADDY, 'caddy');
  const dir = mkdtempSync(join(tmpdir(), 'rusplan-caddy-'));
  const port = await freePort();
  let file = readFileSync(`${DOCS}Caddyfile`, 'utf8');
  const site = /^rusplan\.skolen\.example \{\n\troot \* \/srv\/rusplan\/dist\n\timport rusplan\n\}\n/m;
  let body = `\troot * ${DIST}\n\timport rusplan\n`;
  if (subPath) {
    const block = [...file.matchAll(/^#(\t.*)$/gm)].map((m) => m[1]).join('\n');
    assert.match(block, /handle_path \/rusplan\/\*/, 'the Caddyfile shows the sub-path block');
    body = `${swap(block, '/srv/rusplan/dist', DIST)}\n`;
  }
  file = swap(file, site, `http://127.0.0.1:${port} {\n\tbind 127.0.0.1\n${body}}\n`);
  // This test's own global options: no admin endpoint (it would take port
  // 2019 from a Caddy already running), no certificates; what Caddy keeps
  // (autosave.json) goes in `dir`.
  file = `{\n\tadmin off\n\tauto_https off\n}\n\n${file}`;
  writeFileSync(join(dir, 'Caddyfile'), file);
  const env = { HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
  const host = await run(CADDY, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { url: `http://127.0.0.1:${port}/`, env, dir });
  return { ...host, base: `http://127.0.0.1:${port}${subPath ? '/rusplan/' : '/'}` };
}

const HOSTS = [
  { name: 'nginx', file: 'nginx.conf', start: nginx },
  { name: 'Caddy', file: 'Caddyfile', start: caddy },
];

const running = [];
const started = new Map();
/** One server per host and layout, started on first use. */
function host(h, subPath = false) {
  const key = `${h.name}${subPath}`;
  if (!started.has(key)) started.set(key, h.start({ subPath }).then((s) => { running.push(s); return s; }));
  return started.get(key);
}

let browser;
/** Chromium, started by the first test that needs it. */
const chromium = () => (browser ??= launch());
let other;
let wasm, js, css, boot, CSP;

before(async () => {
  const files = readdirSync(DIST);
  [wasm, js, css, boot] = [/^rusplan-[0-9a-f]+_bg\.wasm$/, /^rusplan-[0-9a-f]+\.js$/, /^main-[0-9a-f]+\.css$/, /^boot-[0-9a-f]+\.js$/]
    .map((name) => files.find((f) => name.test(f)));
  // The header is the policy index.html carries (scripts/postbuild.mjs),
  // plus what only a header can say.
  const meta = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(wasm && js && css && boot && meta, 'dist/ holds a release build');
  CSP = `${meta}; frame-ancestors 'none'`;
  // "Another origin": a second loopback port, with a page that frames the
  // app (named "app", its address in ?src=) and, to show that framing works
  // at all here, a page of its own ("control").
  other = createHttpServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!['/', '/control'].includes(url.pathname)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (url.pathname === '/control') return res.end('<!doctype html><p>Rammen virker.</p>');
    const src = (url.searchParams.get('src') ?? '').replace(/[&"<>]/g, '');
    res.end(`<!doctype html><title>En annen side</title><iframe name="app" src="${src}"></iframe><iframe name="control" src="/control"></iframe>`);
  });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
});

// Stop every server even when a test failed half-way.
after(async () => {
  await (await browser)?.close();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve()));
  await Promise.all(running.map((s) => s.stop()));
});

function securityHeaders(headers, what) {
  assert.equal(headers['content-security-policy'], CSP, `${what}: Content-Security-Policy`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    assert.match(headers['permissions-policy'] ?? '', new RegExp(`(^|, )${feature}=\\(\\)(,|$)`), `${what}: Permissions-Policy ${feature}`);
  }
  const hsts = (headers['strict-transport-security'] ?? '').match(/^max-age=(\d+)/);
  assert.ok(hsts && Number(hsts[1]) >= 180 * 24 * 3600, `${what}: Strict-Transport-Security for half a year or more, was ${headers['strict-transport-security']}`);
}

for (const h of HOSTS) {
  test(`${h.name} (docs/hosting/${h.file}): the security headers, on the app and on an error`, async () => {
    const { base } = await host(h);
    for (const path of ['', 'index.html', 'sw.js', wasm]) {
      const res = await get(`${base}${path}`);
      assert.equal(res.status, 200, `/${path}`);
      securityHeaders(res.headers, `/${path}`);
    }
    const missing = await get(`${base}finnes-ikke.js`);
    assert.equal(missing.status, 404);
    securityHeaders(missing.headers, 'a 404');
  });

  test(`${h.name} (docs/hosting/${h.file}): MIME types, precompressed files, caching`, async () => {
    const { base, redirect } = await host(h);
    const types = {
      '': /^text\/html/, 'index.html': /^text\/html/, [wasm]: /^application\/wasm$/, [js]: /^(text|application)\/javascript/,
      [boot]: /^(text|application)\/javascript/, 'sw.js': /^(text|application)\/javascript/, [css]: /^text\/css/,
      'manifest.webmanifest': /^application\/manifest\+json/, 'icons/icon.svg': /^image\/svg\+xml/,
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await get(`${base}${path}`);
      assert.equal(res.status, 200, `/${path}`);
      assert.match(res.headers['content-type'] ?? '', type, `/${path}: Content-Type`);
    }
    // As written: without Accept-Encoding the file itself, with it the
    // .gz or .br that postbuild wrote beside it, byte for byte.
    for (const path of ['index.html', wasm, js]) {
      const plain = await get(`${base}${path}`);
      assert.equal(plain.headers['content-encoding'], undefined, `/${path} uncompressed`);
      assert.ok(plain.body.equals(readFileSync(join(DIST, path))), `/${path} is the file`);
      for (const encoding of ['gzip', 'br']) {
        const res = await get(`${base}${path}`, { 'accept-encoding': encoding });
        assert.equal(res.headers['content-encoding'], encoding, `/${path} with Accept-Encoding: ${encoding}`);
        const suffix = encoding === 'br' ? 'br' : 'gz';
        assert.ok(res.body.equals(readFileSync(join(DIST, `${path}.${suffix}`))), `/${path}: the .${suffix} file as written`);
        assert.match(res.headers.vary ?? '', /accept-encoding/i, `/${path}: Vary`);
        assert.equal(res.headers['content-type'], plain.headers['content-type'], `/${path}: the type of the file, not of the .${suffix}`);
      }
    }
    // Hashed names never change content; everything else is asked for again.
    for (const path of [wasm, js, css, boot]) {
      const res = await get(`${base}${path}`);
      assert.match(res.headers['cache-control'] ?? '', /max-age=31536000.*immutable/, `/${path}: Cache-Control`);
    }
    for (const path of ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'pwa.js', 'prerender.js', 'icons/icon.svg']) {
      const res = await get(`${base}${path}`);
      assert.equal(res.headers['cache-control'], 'no-cache', `/${path}: Cache-Control`);
    }
    if (redirect) {
      const res = await get(`${redirect}/situasjon/x?foresatte=halden-vgs`);
      assert.equal(res.status, 301, 'plain http is sent on to https');
      assert.equal(res.headers.location, 'https://127.0.0.1/situasjon/x?foresatte=halden-vgs');
    }
  });

  for (const subPath of [false, true]) {
    test(`${h.name} (docs/hosting/${h.file}): the app starts under these headers at ${subPath ? '/rusplan/' : '/'}, service worker included`, async () => {
      const { base } = await host(h, subPath);
      const { context, page, errors } = await phonePage(await chromium());
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = page.waitForResponse((r) => r.url() === base);
      await open(page, base);
      assert.equal((await response).headers()['content-security-policy'], CSP, 'the page came with the header');
      assert.equal(await page.locator('h1').first().innerText(), 'Hva har skjedd?');
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
      // Under the service worker, from its cache: still the app, and still
      // with the host's headers (assets/sw.js passes them on).
      const reloaded = await page.reload();
      assert.ok(reloaded.fromServiceWorker(), 'the service worker answered');
      assert.equal(reloaded.headers()['content-security-policy'], CSP, 'the service worker\'s page has the header too');
      await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('h1'));
      if (subPath && h.name === 'Caddy') {
        const res = await get(base.replace(/\/$/, ''));
        assert.ok([301, 302, 308].includes(res.status) && res.headers.location === '/rusplan/', '/rusplan goes to /rusplan/');
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test(`${h.name} (docs/hosting/${h.file}): a page on another origin cannot frame the app`, async () => {
    const { base } = await host(h);
    const outer = `http://127.0.0.1:${other.address().port}/?src=${encodeURIComponent(base)}`;
    const context = await (await chromium()).newContext();
    // Once before the app has been opened on this device, once after (the
    // service worker then answers for the app's folder).
    for (const installed of [false, true]) {
      const when = installed ? 'with the service worker installed' : 'before the app was opened';
      if (installed) {
        const app = await context.newPage();
        await app.goto(base);
        await app.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
        await app.close();
      }
      const page = await context.newPage();
      const messages = [];
      page.on('console', (m) => messages.push(m.text()));
      await page.goto(outer);
      const frame = (name) => page.frames().find((f) => f.name() === name);
      assert.equal(await frame('control').locator('p').innerText(), 'Rammen virker.', 'a frame from the page\'s own origin loads');
      const app = frame('app');
      assert.match(app.url(), /^chrome-error:/, `${when}: the app's frame is blocked (it shows ${app.url()})`);
      // (Chromium's error page has an h1 of its own: look for the app's.)
      assert.equal(await app.locator('.app-bar, .prerender, .situations, noscript').count(), 0, `${when}: nothing of the app is there`);
      assert.doesNotMatch(await app.locator('body').innerText(), /Rusplan|Hva har skjedd/, `${when}: nothing of the app is there`);
      assert.ok(messages.some((m) => m.includes("frame-ancestors 'none'")), `${when}: blocked by frame-ancestors: ${messages.join(' | ')}`);
      await page.close();
    }
    await context.close();
  });
}
