// Rusplan's benchmark on a slow phone link (issue 14, §6), run by
// scripts/bench.sh after bench.mjs: prints figures, never passes or fails.
//
// Headless Chromium at 360×640, 4× CPU, the page's link throttled (CDP:
// 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), on a host that
// compresses nothing and on one that sends the build's .br/.gz (both
// tests/e2e/server.mjs, no rewrites). Each figure is set side by side, in
// the same run (the two take turns), with a static page of the same text
// and the same stylesheet on the same kind of host:
//  - a parent's first visit: the link as handed out (the plan's static
//    page, foresatte/<plan>.html): bytes and time to content; and a link
//    handed out before (foresatte.html?foresatte=…, which sends it on);
//  - a staff deep link's first visit (the acute situation's page): time to
//    content and time to the app running (it has replaced the page's
//    prerendered copy);
//  - then its offline start (the page's link offline; the service worker
//    serves): content and app running. The static page's offline start is
//    from a minimal worker that serves it from its cache.
// "Content" is the first paint with the page's h1 in it (the later of the h1
// shown and first-contentful-paint), in ms from the navigation (wall clock,
// so the older link's hop from foresatte.html is counted).
//   RUNS=3 node scripts/bench-hosts.mjs
import { readFileSync, readdirSync, statSync, mkdtempSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, DIST, PHONE, planJson } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const LINK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const plan = planJson('halden-vgs');
const acute = plan.situations[0].id;
const STAFF = `situasjon/${acute}/`;
const PARENTS_LINK = `foresatte/${plan.id}.html`;
const OLD_PARENTS_LINK = `foresatte.html?foresatte=${plan.id}`;

// The static pages: each page's own text (its <main>, as the build wrote
// it), with the same stylesheet, and nothing else; plus a minimal worker.
const css = readdirSync(DIST).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
const floor = mkdtempSync(join(tmpdir(), 'rusplan-floor-'));
cpSync(join(DIST, css), join(floor, css));
const mainOf = (file) => {
  const html = readFileSync(join(DIST, file), 'utf8');
  const main = html.match(/<main[\s\S]*<\/main>/)?.[0];
  if (!main) throw new Error(`no <main> in ${file}`);
  return main.replace(/<script[\s\S]*?<\/script>/g, '');
};
const staticPage = (folder, title, main) => {
  mkdirSync(join(floor, folder), { recursive: true });
  const up = '../'.repeat(folder ? folder.split('/').filter(Boolean).length : 0);
  writeFileSync(join(floor, folder, 'index.html'), `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="./${up}${css}"><script defer src="./${up}sw-register.js"></script></head><body>${main}</body></html>`);
};
staticPage(`foresatte/${plan.id}`, 'Foresatte (statisk)', mainOf(`foresatte/${plan.id}.html`));
staticPage(STAFF.replace(/\/$/, ''), 'Situasjon (statisk)', mainOf(`${STAFF}index.html`));
writeFileSync(join(floor, 'sw-register.js'), "navigator.serviceWorker?.register(new URL('./sw.js', document.currentScript.src));\n");
writeFileSync(join(floor, 'sw.js'), `const FILES = ['./${css}', './sw-register.js', './${STAFF}', './foresatte/${plan.id}/'];
self.addEventListener('install', (e) => e.waitUntil(caches.open('floor').then((c) => c.addAll(FILES))));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => e.respondWith(caches.match(e.request).then((r) => r ?? fetch(e.request))));
`);

// As the build does for its own files, for the host that sends them.
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const file of walk(floor)) {
  const body = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}

const browser = await launch();
const median = (xs) => { const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

// Marks, in the page, when its h1 shows and when the app has replaced the
// prerendered copy (epoch ms, so a redirect's time counts).
function marks() {
  const now = () => performance.timeOrigin + performance.now();
  const seen = () => {
    const h1 = [...document.querySelectorAll('h1')].find((h) => !h.closest('[hidden]') && h.getClientRects().length);
    if (!h1) return false;
    window.__content ??= now();
    if (document.querySelector('.prerender')) return false;
    window.__app ??= now();
    return true;
  };
  if (!seen()) {
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  }
}

/** Opens `url` and waits for content (and the app, if `app`): ms from `start`. */
async function measure(page, url, app) {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((app) => window.__content && (!app || window.__app) && performance.getEntriesByName('first-contentful-paint').length,
    app, { polling: 100, timeout: 180_000 });
  return page.evaluate(({ start, app }) => {
    const fcp = performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0].startTime;
    return { content: Math.max(window.__content, fcp) - start, app: app ? window.__app - start : undefined };
  }, { start, app });
}

/** A fresh phone on the slow link: the first visit to `path`, and (if
 *  `offline`) the start with the link off once the worker has taken over. */
async function visit(origin, path, { app, offline }) {
  const context = await browser.newContext({ ...PHONE });
  await context.addInitScript(marks);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const first = await measure(page, `${origin}/${path}`, app);
  const result = { bytes, content: first.content, app: first.app };
  if (offline) {
    // Wait, unthrottled, until the worker has everything and controls the page.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await cdp.send('Network.emulateNetworkConditions', OFFLINE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const off = await measure(page, `${origin}/${path}`, app);
    result.offlineContent = off.content;
    result.offlineApp = off.app;
  }
  await context.close();
  return result;
}

const hosts = {
  'compresses nothing': { precompressed: false },
  'sends .br/.gz': { precompressed: true },
};
const rows = [];
for (const [name, options] of Object.entries(hosts)) {
  const app = await serve(DIST, { spa: false, ...options });
  const still = await serve(floor, { spa: false, ...options });
  const runs = { parents: [], parentsPage: [], parentsFloor: [], staff: [], staffFloor: [] };
  for (let run = 0; run < RUNS; run++) {
    runs.parents.push(await visit(app.url, PARENTS_LINK, { app: false, offline: false }));
    runs.parentsPage.push(await visit(app.url, OLD_PARENTS_LINK, { app: false, offline: false }));
    runs.parentsFloor.push(await visit(still.url, `foresatte/${plan.id}/`, { app: false, offline: false }));
    runs.staff.push(await visit(app.url, STAFF, { app: true, offline: true }));
    runs.staffFloor.push(await visit(still.url, STAFF, { app: false, offline: true }));
  }
  await app.close();
  await still.close();
  const m = (list, key) => median(runs[list].map((r) => r[key]));
  const all = (list, key) => runs[list].map((r) => (r[key] ?? NaN).toFixed(0)).join(' ');
  rows.push({ name, m, all });
}
await browser.close();

const ms = (x) => `${Math.round(x)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(`\nSlow link (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT), 4× CPU, 360×640; median of ${RUNS} (Rusplan and a static page of the same text take turns)`);
console.log('| host | measure | Rusplan | static page | ratio | goal |');
console.log('|---|---|---|---|---|---|');
for (const { name, m, all } of rows) {
  console.log(`| ${name} | parents' first visit, bytes | ${(m('parents', 'bytes') / 1000).toFixed(1)} kB | ${(m('parentsFloor', 'bytes') / 1000).toFixed(1)} kB | ${ratio(m('parents', 'bytes'), m('parentsFloor', 'bytes'))} | |`);
  console.log(`| ${name} | parents' first visit, content | ${ms(m('parents', 'content'))} | ${ms(m('parentsFloor', 'content'))} | ${ratio(m('parents', 'content'), m('parentsFloor', 'content'))} | ≤ 1.1× |`);
  console.log(`| ${name} | … a link handed out before (foresatte.html, one hop), bytes | ${(m('parentsPage', 'bytes') / 1000).toFixed(1)} kB | ${(m('parentsFloor', 'bytes') / 1000).toFixed(1)} kB | ${ratio(m('parentsPage', 'bytes'), m('parentsFloor', 'bytes'))} | |`);
  console.log(`| ${name} | … a link handed out before (foresatte.html, one hop), content | ${ms(m('parentsPage', 'content'))} | ${ms(m('parentsFloor', 'content'))} | ${ratio(m('parentsPage', 'content'), m('parentsFloor', 'content'))} | |`);
  console.log(`| ${name} | staff deep link, first visit: content | ${ms(m('staff', 'content'))} | ${ms(m('staffFloor', 'content'))} | ${ratio(m('staff', 'content'), m('staffFloor', 'content'))} | ≤ 1.2× |`);
  console.log(`| ${name} | staff deep link, first visit: app running | ${ms(m('staff', 'app'))} | ${ms(m('staffFloor', 'content'))} | ${ratio(m('staff', 'app'), m('staffFloor', 'content'))} | |`);
  console.log(`| ${name} | offline start: content | ${ms(m('staff', 'offlineContent'))} | ${ms(m('staffFloor', 'offlineContent'))} | ${ratio(m('staff', 'offlineContent'), m('staffFloor', 'offlineContent'))} | |`);
  console.log(`| ${name} | offline start: app running | ${ms(m('staff', 'offlineApp'))} | ${ms(m('staffFloor', 'offlineContent'))} | ${ratio(m('staff', 'offlineApp'), m('staffFloor', 'offlineContent'))} | ≤ 1.5× |`);
  console.log(`  (${name}, runs: parents ${all('parents', 'content')}, older link ${all('parentsPage', 'content')} | static ${all('parentsFloor', 'content')}; staff content ${all('staff', 'content')}, app ${all('staff', 'app')} | static ${all('staffFloor', 'content')}; offline content ${all('staff', 'offlineContent')}, app ${all('staff', 'offlineApp')} | static ${all('staffFloor', 'offlineContent')})`);
}
