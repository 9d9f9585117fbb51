// trunk post_build hook (also run by the tests to stamp a "next" build).
// Turns trunk's output into an offline, CSP-clean, sub-path-safe PWA:
//  - replaces trunk's inline loader with an external boot-<hash>.js
//    (a strict CSP allows no inline script), which also registers the
//    service worker and tells the app its base path;
//  - makes every URL in index.html relative, so the folder works at the
//    site root and under any sub-path on a plain static host;
//  - adds the Content-Security-Policy;
//  - draws each situation's flowchart as flyt/<plan>/<situation>.svg for the
//    plan page, and flyt/<plan>.html with the routes as text (crates/prerender);
//  - prerenders each bundled plan's home screen into index.html, so the
//    situation buttons and 112/113 show before the wasm has started
//    (assets/prerender.js picks the plan; the app then replaces it), and
//    writes every other page of the guidance as a file at its address;
//  - builds the plan studio (src/bin/studio.rs) as studio.html, a program
//    of its own that no staff page loads;
//  - writes sw.js with the list of every file of this build to precache,
//    and a version that changes whenever any file does;
//  - writes .br and .gz next to each file for hosts that serve them.
//
//   node scripts/postbuild.mjs [DIR] [--stamp TEXT]   (DIR defaults to $TRUNK_STAGING_DIR)
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, mkdtempSync, copyFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const stampAt = args.indexOf('--stamp');
const stamp = stampAt >= 0 ? args.splice(stampAt, 2)[1] : '';
const dir = args[0] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: postbuild.mjs DIR (or run as a trunk hook)');

// docs/hosting/ sends this as a header too, plus frame-ancestors 'none'
// (which a meta CSP cannot carry): change them together
// (tests/e2e/hosting.test.mjs holds the two equal).
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const COMPRESSED = /\.(br|gz)$/;
// The addresses the calm program draws (src/app.rs, calm_pages): the boot
// script starts it there, and their files do not preload the guidance's.
const CALM_PAGES = ['saker/', 'ovelse/', 'plan/'];
// The pages written by writePages, each in a folder named as its address.
const PAGES = /^(situasjon|sjekkliste|kontakter|plan|saker|ovelse)\//;
const GENERATED = /^(sw\.js|parents-sw\.js|flyt\/.*|studio\.html|studio-[0-9a-f]+(-boot\.js|\.js|_bg\.wasm|\.css)|boot-[0-9a-f]+\.js|foresatte\.html|foresatte-link\.js|parents-offline\.js|foresatte\/.*|parents-[0-9a-f]+(-boot\.js|\.js|_bg\.wasm)|calm-[0-9a-f]+(\.js|_bg\.wasm))$/;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
  });
}

// Start from a clean slate, so running twice gives the same result.
for (const file of walk(dir)) {
  if (COMPRESSED.test(file) || GENERATED.test(file) || PAGES.test(file)) unlinkSync(join(dir, file));
}

// Our own scripts go out without their whole-line comments: those are for
// readers of assets/, and the first load is held by size.test.mjs.
for (const file of ['load-wasm.js', 'pwa.js', 'prerender.js']) {
  const path = join(dir, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  writeFileSync(path, lines.filter((line) => !/^\s*(\/\/|\/\*\*.*\*\/\s*$)/.test(line)).join('\n'));
}

const files = walk(dir).sort();
const js = files.find((f) => /^rusplan-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^rusplan-[0-9a-f]+_bg\.wasm$/.test(f));
if (!js || !wasm) throw new Error(`no rusplan-*.js / *_bg.wasm in ${dir}`);

const root = fileURLToPath(new URL('../', import.meta.url));
const run = (command, commandArgs) => execFileSync(command, commandArgs, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// The app version: every file's content, plus the stamp.
writeParentsPage();
run('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'flowcharts', dir, walk(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f)), CSP]);
writeStudio();
const calmId = buildProgram('calm');
const version = hash(walk(dir).sort().map((f) => `${f}:${hash(readFileSync(join(dir, f)))}`).join('\n') + stamp);

const boot = `// Starts Rusplan (written by scripts/postbuild.mjs). External, not inline,
// so the Content-Security-Policy needs no 'unsafe-inline'.
import { startServiceWorker } from './pwa.js';
import { startWasm } from './load-wasm.js';

// The folder the app is served from ("/" or e.g. "/rusplan/"): the router's base.
window.rusplanBase = new URL('./', import.meta.url).pathname;
// Relative links in <head> ("./" at the app's folder, "../" on a page in
// a folder of its own) would be re-resolved against each in-app URL
// (Chrome refetches the icon on history changes): pin them where they are.
for (const link of document.querySelectorAll('link[href^="./"], link[href^="../"]')) {
  link.setAttribute('href', link.href);
}
window.rusplanVersion = '${version}';
startServiceWorker(new URL('./sw.js', import.meta.url));
// The drafts (/saker…), practice (/ovelse…) and the plan page are a
// program of their own, for a calm moment (src/bin/calm.rs; src/app.rs
// says which program draws which page): an incident never waits for them.
const page = location.pathname.slice(window.rusplanBase.length) + '/';
const calm = ${JSON.stringify(CALM_PAGES)}.some((folder) => page.startsWith(folder));
const [glue, wasm] = calm
  ? ['./calm-${calmId}.js', './calm-${calmId}_bg.wasm']
  : ['./${js}', './${wasm}'];
try {
  await startWasm(import(glue), new URL(wasm, import.meta.url));
} catch (error) {
  // The prerendered page stays, to read (112/113 and its calls still call,
  // its links load their pages); say the rest is missing.
  window.rusplanFailed = true;
  const status = document.querySelector('.prerender:not([hidden]) .prerender-status');
  if (status) status.textContent = 'Appen kunne ikke starte på denne telefonen. Du kan lese siden, men ikke krysse av eller lagre. Prøv å laste siden på nytt.';
  throw error;
}
// What was done on the prerendered page before (assets/prerender.js).
window.rusplanStarted?.();
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);

const HOMES = '<!-- prerendered home screens: written here by scripts/postbuild.mjs -->';
// App-absolute URLs ("/situasjon/…", as the components write them) made
// relative to the app's folder.
const inFolder = (text) => text.replace(/(href|src)="\/(?!\/)/g, '$1="./');
// The homes sit between these, so a second run (the tests stamp a build)
// finds where they go.
const HOMES_END = '<!-- end of the prerendered home screens -->';
const shell = inFolder(readFileSync(join(dir, 'index.html'), 'utf8')
  .replace(new RegExp(`${HOMES}[\\s\\S]*?${HOMES_END}`), HOMES)
  .replace(/<script type="module">[\s\S]*?<\/script>\s*/g, '')
  // The wasm is fetched by load-wasm.js, which picks X_bg.wasm or its .gz
  // for this host: a preload of the plain file would send it raw from a host
  // that compresses nothing.
  .replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\s*/g, '')
  .replace(/<script type="module" src="\.\/boot-[0-9a-f]+\.js"><\/script>\s*/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${CSP}">`)
  .replace('</head>', `  <script type="module" src="./${bootName}"></script>\n  </head>`));
writeFileSync(join(dir, 'index.html'), shell.replace(HOMES, () => `${HOMES}\n    ${inFolder(prerenderedHomes())}\n    ${HOMES_END}`));
writePages(shell);

/** Every other page of the guidance the app links to, as a file of its own
 *  at its address (`situasjon/<id>/index.html`, `sjekkliste/index.html`, …),
 *  so a link opens on a first visit to a plain static host, at the root or
 *  under a sub-path, and reads with scripts off: index.html with the page
 *  rendered from the app's own components (crates/prerender) in place of
 *  the homes, its title, and URLs relative to its depth. The app's links
 *  end in "/", so no host needs to redirect. `saker/` and `ovelse/` are
 *  the calm program's shells: what they show is on the device. */
function writePages(shell) {
  const pages = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'pages'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26,
      env: { ...process.env, RUSPLAN_VERSION: version } }));
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const [path, { title, html: body }] of Object.entries(pages)) {
    const folder = path.replace(/^\/|\/$/g, '');
    const up = '../'.repeat(folder.split('/').length);
    let page = shell
      .replace(HOMES, () => inFolder(body))
      .replace('<title>Rusplan</title>', () => `<title>${escape(title)}</title>`);
    // The calm program's pages start it: the guidance's is not preloaded.
    if (CALM_PAGES.some((calm) => `${folder}/`.startsWith(calm))) page = page.replace(/<link rel="(?:modulepreload|preload)" href="\.\/rusplan-[^>]*>/g, '');
    if (body) {
      page = page.replace(/<noscript>[\s\S]*?<\/noscript>/,
        '<noscript><p class="general-info">Uten JavaScript kan du lese siden, men ikke krysse av eller lagre noe.</p></noscript>');
    }
    page = page.replace(/(href|src)="\.\//g, `$1="${up}`);
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, 'index.html'), page);
  }
}

/** The home screen of every bundled plan, rendered natively from the app's
 *  own components (crates/prerender: AppBar, HomeScreen, MainMenu), all
 *  hidden, the default plan marked by build.rs's rule. Left out: the
 *  revision warning, which depends on the day the app runs. */
function prerenderedHomes() {
  return execFileSync('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'homes'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
}

/** The handout as a program of its own (src/bin/parents.rs), built
 *  with the tools trunk uses for the app (cargo, wasm-bindgen, wasm-opt from
 *  PATH): the printable handout with its QR code, so staff phones do not
 *  carry the QR encoder. The parents' pages themselves are static files
 *  (crates/prerender); foresatte.html sends older links on to them. All of
 *  it CSP-clean like index.html; the app's `?foresatte=` links are sent to
 *  foresatte.html. */
/** A binary of src/bin/ as a program beside the app, built with the tools
 *  trunk uses (cargo, wasm-bindgen, wasm-opt from PATH) and trunk's
 *  settings: `<bin>-<hash>.js` and `<bin>-<hash>_bg.wasm`. Returns the hash. */
function buildProgram(bin) {
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  run('cargo', ['build', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'rusplan', '--bin', bin, ...(release ? ['--release'] : [])]);
  const out = mkdtempSync(join(tmpdir(), `rusplan-${bin}-`));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', bin,
    join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`)]);
  if (release) {
    // The features rustc's wasm32 target enables, as trunk's own run has them.
    run('wasm-opt', ['-Oz', '--converge', '--low-memory-unused', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
      '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      join(out, `${bin}_bg.wasm`), '-o', join(out, `${bin}_bg.wasm`)]);
  }
  const wasmBytes = readFileSync(join(out, `${bin}_bg.wasm`));
  const glue = readFileSync(join(out, `${bin}.js`));
  const id = hash(Buffer.concat([wasmBytes, glue]));
  writeFileSync(join(dir, `${bin}-${id}_bg.wasm`), wasmBytes);
  writeFileSync(join(dir, `${bin}-${id}.js`), glue);
  return id;
}

function writeParentsPage() {
  const id = buildProgram('parents');
  const parentsBoot = `// Starts the handout (written by scripts/postbuild.mjs).
import { startServiceWorker } from './pwa.js';
import { startWasm } from './load-wasm.js';

window.rusplanBase = new URL('./', import.meta.url).pathname;
if (!window.rusplanLeaving) {
  startServiceWorker(new URL('./sw.js', import.meta.url));
  // Imported here: a parents' link on its way to their page fetches none of it.
  await startWasm(import('./parents-${id}.js'), new URL('./parents-${id}_bg.wasm', import.meta.url));
}
`;
  // Named by its own content, as every hashed file (the service worker takes those from the HTTP cache).
  const bootFile = `parents-${hash(parentsBoot)}-boot.js`;
  writeFileSync(join(dir, bootFile), parentsBoot);
  const css = walk(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));

  // The parents' pages: static files rendered from the app's own component
  // (crates/prerender), one per plan and language, no wasm, no app script;
  // and foresatte.html, which sends the link staff hand out on to them.
  const pages = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'parents', dir, css, CSP, bootFile],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  writeFileSync(join(dir, 'parents-offline.js'), `// Keeps the parents' page readable offline after the first visit (written
// by scripts/postbuild.mjs). The page is complete without it.
// Their own worker (parents-sw.js), for foresatte.html and foresatte/ only:
// a parent's visit fetches nothing of the staff app. Where the staff app's
// worker already serves this page, it is left to it.
if ('serviceWorker' in navigator && isSecureContext && !navigator.serviceWorker.controller) {
  navigator.serviceWorker.register(new URL('./parents-sw.js', import.meta.url),
    { scope: new URL('./foresatte', import.meta.url).pathname }).catch(() => {});
}
`);
  // What the parents' worker keeps: the files every parents' page uses, and
  // each plan's two pages; its version changes only with these.
  const shared = ['foresatte.html', 'foresatte-link.js', css, 'icons/icon.svg', 'parents-offline.js'];
  const plans = Object.fromEntries(Object.entries(pages).map(([plan, files]) =>
    [plan, [files.nb, files.en].map((f) => `./foresatte/${f}`)]));
  const kept = [...shared.map((f) => `./${f}`), ...Object.values(plans).flat()];
  const parentsVersion = hash(kept.map((f) => `${f}:${hash(readFileSync(join(dir, f)))}`).join('\n') + stamp);
  writeFileSync(join(dir, 'parents-sw.js'), readFileSync(new URL('../assets/parents-sw.js', import.meta.url), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(parentsVersion))
    .replace('[/* __FILES__ */]', JSON.stringify(shared.map((f) => `./${f}`), null, 2))
    .replace('{/* __PAGES__ */}', JSON.stringify(plans, null, 2)));
}

/** The plan studio: studio.html, its boot script, its program and its
 *  stylesheet (style/studio.css, beside the app's). Linked from the plan
 *  page; precached like every file, so it works offline once loaded. */
function writeStudio() {
  const id = buildProgram('studio');
  const studioBoot = `// Starts the plan studio (written by scripts/postbuild.mjs).
import { startServiceWorker } from './pwa.js';
import { startWasm } from './load-wasm.js';

window.rusplanBase = new URL('./', import.meta.url).pathname;
startServiceWorker(new URL('./sw.js', import.meta.url));
await startWasm(import('./studio-${id}.js'), new URL('./studio-${id}_bg.wasm', import.meta.url));
`;
  const bootFile = `studio-${hash(studioBoot)}-boot.js`;
  writeFileSync(join(dir, bootFile), studioBoot);
  const studioCss = readFileSync(join(root, 'style/studio.css'));
  const cssFile = `studio-${hash(studioCss)}.css`;
  writeFileSync(join(dir, cssFile), studioCss);
  // Its page, with the head every static page shares (crates/prerender).
  const css = walk(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
  run('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'studio', dir, css, CSP, cssFile, bootFile]);
}

// Not the parents' pages' own worker.
const precache = ['./', ...walk(dir).filter((f) => !COMPRESSED.test(f) && f !== 'sw.js' && f !== 'parents-sw.js').sort().map((f) => `./${f}`)];
const sw = readFileSync(new URL('../assets/sw.js', import.meta.url), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('[/* __FILES__ */]', JSON.stringify(precache, null, 2));
writeFileSync(join(dir, 'sw.js'), sw);

for (const file of walk(dir)) {
  if (!/\.(html|js|css|wasm|svg|webmanifest|json|txt)$/.test(file)) continue;
  const body = readFileSync(join(dir, file));
  writeFileSync(join(dir, `${file}.br`), brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  writeFileSync(join(dir, `${file}.gz`), gzipSync(body, { level: 9 }));
}
console.log(`postbuild: version ${version}, ${precache.length} files precached`);
