// The installable, offline app, on a plain static host (Python's
// http.server, no rewrite rules) at the root and under /rusplan/: the
// service worker controls the page, Chromium finds it installable, every
// page and a deep link load with the server stopped, a second build brings
// the update prompt without touching drafts, and nothing talks to another
// origin or trips the Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, cpSync, symlinkSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch, DIST, PHONE, PLANS, choosePlan } from './harness.mjs';
import { serve } from './server.mjs';

let browser;
const hosts = [];
before(async () => { browser = await launch(); });
// Stop every server even when a test failed half-way, or the run would hang.
after(async () => { await browser?.close(); await Promise.all(hosts.map((h) => h.stop())); });

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/** A plain static host: `python3 -m http.server` in `dir`. */
async function staticHost(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(url); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill();
  });
  const host = { url, stop };
  hosts.push(host);
  return host;
}

/** A copy of the build, so a test can swap in another build. */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'rusplan-host-'));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** A page whose every request and CSP violation is recorded. */
async function watchedPage(context) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, requests, problems };
}

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
}

async function heading(page) {
  await page.locator('h1').first().waitFor({ timeout: 15000 });
  return page.locator('h1').first().innerText();
}

for (const base of ['/', '/rusplan/']) {
  test(`offline on a plain static host at ${base}: service worker, every page, a deep link, a draft`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'rusplan-root-'));
    const served = base === '/' ? DIST : root;
    if (base !== '/') symlinkSync(DIST, join(root, 'rusplan'));
    const host = await staticHost(served);
    const context = await browser.newContext(PHONE);
    const { page, requests, problems } = await watchedPage(context);
    const origin = host.url;
    await page.goto(`${origin}${base}`);
    assert.equal(await heading(page), 'Hva har skjedd?');
    await waitForController(page);
    // Make a draft while online.
    await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
    await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
    await page.getByLabel('Rektor/ledelse kontaktes.').check();
    const caseHref = await page.locator('.case-banner a').getAttribute('href');
    assert.ok(caseHref.startsWith(`${base}saker/`), `links stay under ${base}: ${caseHref}`);

    await host.stop();
    assert.ok(await fetch(origin).then(() => false, () => true), 'the server is really gone');

    const paths = ['', 'sjekkliste', 'kontakter', 'saker', 'plan', 'situasjon/alternativ-4', caseHref.slice(base.length)];
    for (const path of paths) {
      await page.goto(`${origin}${base}${path}`);
      assert.ok((await heading(page)).length > 0, `${base}${path} offline`);
    }
    // A page of the guidance comes as its own file, readable before the app has started.
    const own = await page.goto(`${origin}${base}sjekkliste/`);
    assert.ok(own.fromServiceWorker());
    assert.ok((await own.text()).includes(`<main id="main"><h1>${PLANS[0].checklist.title}</h1>`), 'the checklist\'s own file');
    await heading(page);
    await page.goto(`${origin}${base}${caseHref.slice(base.length)}`);
    await page.locator('.timeline li', { hasText: 'Rektor/ledelse kontaktes.' }).waitFor();
    // In-app navigation offline too.
    await page.getByRole('link', { name: 'Kontakter' }).click();
    assert.equal(await heading(page), 'Kontakter');
    await page.reload();
    assert.equal(await heading(page), 'Kontakter', 'a reload of a deep link offline');

    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'no request to another origin');
    assert.deepEqual(problems, []);
    await context.close();
    rmSync(root, { recursive: true, force: true });
  });
}

test('offline, the home of the plan chosen on this device is in the page as served, before any script runs', async () => {
  const host = await staticHost(DIST);
  const context = await browser.newContext(PHONE);
  const { page, problems } = await watchedPage(context);
  await page.goto(host.url);
  await waitForController(page);
  const brochure = PLANS.find((p) => p.id === 'kjentmann-brosjyre');
  await choosePlan(page, host.url, brochure);
  // The app tells the service worker (Cache Storage, a plan id only).
  await page.waitForFunction((id) => caches.open('rusplan-start')
    .then((c) => c.match(new URL('/start-plan', location.href))).then((r) => r?.text()).then((t) => t === id), brochure.id);
  await host.stop();
  // Which home was showing the first time one did, and had prerender.js run?
  await page.addInitScript(() => {
    const look = () => {
      const shown = document.querySelector('.prerender:not([hidden])');
      if (!shown) return false;
      window.__firstHome = { plan: shown.dataset.plan, byScript: document.documentElement.hasAttribute('data-home') };
      return true;
    };
    new MutationObserver((_, observer) => { if (look()) observer.disconnect(); }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(host.url);
  await page.waitForFunction(() => window.__firstHome);
  assert.deepEqual(await page.evaluate(() => window.__firstHome), { plan: brochure.id, byScript: false });
  assert.equal(await heading(page), 'Hva har skjedd?');
  assert.equal(await page.locator('.app-school').innerText(), brochure.meta.school);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chromium finds the app installable', async () => {
  const host = await staticHost(DIST);
  const profile = mkdtempSync(join(tmpdir(), 'rusplan-profile-'));
  // A persistent profile: Chromium never offers to install from incognito.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', ...PHONE,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(host.url);
  await heading(page);
  await waitForController(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.equal(parsed.lang, 'nb');
  assert.deepEqual(parsed.icons.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable', 'any any']);
  await context.close();
  await host.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('a new build waits, offers "Oppdater", loads the new version when asked, and keeps the drafts', async () => {
  const dir = copyOfDist();
  const host = await staticHost(dir);
  const context = await browser.newContext(PHONE);
  const { page, problems } = await watchedPage(context);
  await page.goto(host.url);
  await heading(page);
  await waitForController(page);
  await page.getByRole('link', { name: 'Saker' }).click();
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('UV');
  const firstVersion = await page.evaluate(() => window.rusplanVersion);

  // Deploy a second build in place of the first.
  cpSync(DIST, dir, { recursive: true });
  execFileSync('node', ['scripts/postbuild.mjs', dir, '--stamp', 'andre-bygg'], { cwd: new URL('../../', import.meta.url) });
  // http.server's Last-Modified has one-second steps: make the new files
  // visibly newer, as a real deploy a while later would be.
  const later = new Date(Date.now() + 10_000);
  for (const file of readdirSync(dir)) utimesSync(join(dir, file), later, later);
  const secondVersion = readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)"/)[1];
  assert.notEqual(secondVersion, firstVersion);

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByRole('status').filter({ hasText: 'Ny versjon tilgjengelig' });
  await banner.waitFor({ timeout: 20000 });
  // It waits: the running version is still the first one.
  assert.equal(await page.evaluate(() => window.rusplanVersion), firstVersion);
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Oppdater' }).click()]);
  await heading(page);
  assert.equal(await page.evaluate(() => window.rusplanVersion), secondVersion, 'the new version is running');
  await page.goto(`${host.url}/saker`);
  assert.match(await page.locator('.case-list').innerText(), /UV/, 'the draft is intact');
  const caches = await page.evaluate(async () => (await window.caches.keys()).filter((k) => k.startsWith('rusplan-')).sort());
  // rusplan-start (the start screen's plan id) outlives versions.
  assert.deepEqual(caches, [`rusplan-${secondVersion}`, 'rusplan-start'], 'the old version\'s cache is gone');
  assert.deepEqual(problems, []);
  await context.close();
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the build has the strict CSP, no inline script or style, and precaches every file', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
    "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), directive);
  }
  assert.deepEqual([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]), [], 'no inline script');
  assert.ok(!/<style|\sstyle=/.test(html), 'no inline style');
  assert.ok(!/https?:\/\//.test(html), 'no absolute URL to anywhere');

  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  const walk = (d, prefix = '') => readdirSync(join(DIST, d)).flatMap((f) => {
    const rel = d ? `${d}/${f}` : f;
    try { return walk(rel); } catch { return [rel]; }
  });
  // All but the parents' pages' own worker.
  const built = walk('').filter((f) => !/\.(br|gz)$/.test(f) && f !== 'sw.js' && f !== 'parents-sw.js').map((f) => `./${f}`).sort();
  assert.deepEqual(listed.filter((f) => f !== './').sort(), built);

  // Rendered pages carry no style attributes either.
  const host = await staticHost(DIST);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(host.url);
  await waitForController(page); // deep links on a plain host come from the service worker
  for (const path of ['', 'sjekkliste', 'kontakter', 'saker', 'plan', ...PLANS[0].situations.map((s) => `situasjon/${s.id}`)]) {
    await page.goto(`${host.url}/${path}`);
    await heading(page);
    assert.equal(await page.locator('[style]').count(), 0, path);
  }
  await context.close();
  await host.stop();
});

test('installing the service worker fetches no hashed file a second time', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  const hashed = server.requests.filter((p) => /-[0-9a-f]{8,16}(?:[._-]|$)/.test(p));
  // As X_bg.wasm.gz from this host, which compresses nothing (assets/load-wasm.js).
  assert.ok(hashed.some((p) => /_bg\.wasm(\.gz)?$/.test(p)), 'the app\'s wasm was fetched');
  const twice = hashed.filter((p, i) => hashed.indexOf(p) !== i);
  assert.deepEqual(twice, [], 'each hashed file once');
  await context.close();
  await server.close();
});

test('a hashed file the HTTP cache holds as an error (a deploy half-way) is fetched again, not kept', async () => {
  // A host that marks every hashed path immutable, errors included: the
  // handout's program (not loaded by the staff page) answers 404 once.
  const handoutGlue = readdirSync(DIST).find((f) => /^parents-[0-9a-f]{8,16}\.js$/.test(f));
  const app = await serve(DIST);
  let failed = 0;
  const proxy = createHttpServer(async (req, res) => {
    if (req.url.endsWith(handoutGlue) && failed++ === 0) {
      res.writeHead(404, { 'cache-control': 'public, max-age=31536000, immutable' });
      res.end('not yet');
      return;
    }
    const upstream = await fetch(`${app.url}${req.url}`);
    res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${proxy.address().port}`;
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // The page itself meets the error first, as a page loaded mid-deploy would.
  await page.goto(`${origin}/`);
  await page.evaluate((f) => fetch(f).then((r) => r.status), `./${handoutGlue}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
  const status = await page.evaluate(async (f) => {
    const cached = await caches.match(new URL(f, location.href));
    return cached && [cached.status, (await cached.arrayBuffer()).byteLength];
  }, `./${handoutGlue}`);
  assert.ok(status && status[0] === 200 && status[1] > 1000, `cached: ${status}`);
  await context.close();
  await new Promise((resolve) => proxy.close(resolve));
  await app.close();
});
