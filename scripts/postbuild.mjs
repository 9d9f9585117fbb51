// trunk post_build hook (also run by the tests to stamp a "next" build).
// Turns trunk's output into an offline, CSP-clean, sub-path-safe PWA:
//  - replaces trunk's inline loader with an external boot-<hash>.js
//    (a strict CSP allows no inline script), which also registers the
//    service worker and tells the app its base path;
//  - makes every URL in index.html relative, so the folder works at the
//    site root and under any sub-path on a plain static host;
//  - adds the Content-Security-Policy;
//  - prerenders each bundled plan's home screen into index.html, so the
//    situation buttons and 112/113 show before the wasm has started
//    (assets/prerender.js picks the plan; the app then replaces it);
//  - writes sw.js with the list of every file of this build to precache,
//    and a version that changes whenever any file does;
//  - writes .br and .gz next to each file for hosts that serve them.
//
//   node scripts/postbuild.mjs [DIR] [--stamp TEXT]   (DIR defaults to $TRUNK_STAGING_DIR)
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, mkdtempSync, copyFileSync } from 'node:fs';
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
const GENERATED = /^(sw\.js|boot-[0-9a-f]+\.js|foresatte\.html|foresatte-link\.js|parents-offline\.js|foresatte\/.*|parents-[0-9a-f]+(-boot\.js|\.js|_bg\.wasm)|drafts-[0-9a-f]+(\.js|_bg\.wasm))$/;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
  });
}

// Start from a clean slate, so running twice gives the same result.
for (const file of walk(dir)) {
  if (COMPRESSED.test(file) || GENERATED.test(file)) unlinkSync(join(dir, file));
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
const draftsId = buildProgram('drafts');
const version = hash(walk(dir).sort().map((f) => `${f}:${hash(readFileSync(join(dir, f)))}`).join('\n') + stamp);

const boot = `// Starts Rusplan (written by scripts/postbuild.mjs). External, not inline,
// so the Content-Security-Policy needs no 'unsafe-inline'.
import { startServiceWorker } from './pwa.js';

// The folder the app is served from ("/" or e.g. "/rusplan/"): the router's base.
window.rusplanBase = new URL('./', import.meta.url).pathname;
// Relative links in <head> would be re-resolved against each in-app URL
// (Chrome refetches the icon on history changes): pin them to the folder.
for (const link of document.querySelectorAll('link[href^="./"]')) {
  link.href = new URL(link.getAttribute('href'), import.meta.url).href;
}
window.rusplanVersion = '${version}';
startServiceWorker(new URL('./sw.js', import.meta.url));
// The drafts' pages (/saker…) and practice (/ovelse…) are a program of
// their own, for a calm moment (src/bin/drafts.rs;
// src/app.rs says which program draws which page): an incident never waits
// for them.
const page = location.pathname.slice(window.rusplanBase.length) + '/';
const drafts = page.startsWith('saker/') || page.startsWith('ovelse/');
const [glue, wasm] = drafts
  ? ['./drafts-${draftsId}.js', './drafts-${draftsId}_bg.wasm']
  : ['./${js}', './${wasm}'];
try {
  const { default: init } = await import(glue);
  await init({ module_or_path: new URL(wasm, import.meta.url) });
} catch (error) {
  // The prerendered home stays (112/113 still call); say the rest is missing.
  window.rusplanFailed = true;
  const status = document.querySelector('.prerender:not([hidden]) .prerender-status');
  if (status) status.textContent = 'Appen kunne ikke starte på denne telefonen. Prøv å laste siden på nytt.';
  throw error;
}
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);

let html = readFileSync(join(dir, 'index.html'), 'utf8');
html = html
  .replace('<!-- prerendered home screens: written here by scripts/postbuild.mjs -->', prerenderedHomes())
  .replace(/<script type="module">[\s\S]*?<\/script>\s*/g, '')
  .replace(/<script type="module" src="\.\/boot-[0-9a-f]+\.js"><\/script>\s*/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
  .replace(/(href|src)="\/(?!\/)/g, '$1="./')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${CSP}">`)
  .replace('</head>', `  <script type="module" src="./${bootName}"></script>\n  </head>`);
writeFileSync(join(dir, 'index.html'), html);

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
import init from './parents-${id}.js';
import { startServiceWorker } from './pwa.js';

window.rusplanBase = new URL('./', import.meta.url).pathname;
if (!window.rusplanLeaving) {
  startServiceWorker(new URL('./sw.js', import.meta.url));
  await init({ module_or_path: new URL('./parents-${id}_bg.wasm', import.meta.url) });
}
`;
  // Named by its own content, as every hashed file (the service worker takes those from the HTTP cache).
  const bootFile = `parents-${hash(parentsBoot)}-boot.js`;
  writeFileSync(join(dir, bootFile), parentsBoot);
  const css = walk(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));

  // The parents' pages: static files rendered from the app's own component
  // (crates/prerender), one per plan and language, no wasm, no app script;
  // and foresatte.html, which sends the link staff hand out on to them.
  run('cargo', ['run', '-q', '-p', 'rusplan-prerender', '--', 'parents', dir, css, CSP, bootFile]);
  writeFileSync(join(dir, 'parents-offline.js'), `// Keeps the parents' page readable offline after the first visit (written
// by scripts/postbuild.mjs). The page is complete without it.
if ('serviceWorker' in navigator && isSecureContext) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
}
`);
}

const precache = ['./', ...walk(dir).filter((f) => !COMPRESSED.test(f) && f !== 'sw.js').sort().map((f) => `./${f}`)];
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
