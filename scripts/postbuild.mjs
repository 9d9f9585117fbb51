// trunk post_build hook (also run by the tests to stamp a "next" build).
// Turns trunk's output into an offline, CSP-clean, sub-path-safe PWA:
//  - replaces trunk's inline loader with an external boot-<hash>.js
//    (a strict CSP allows no inline script), which also registers the
//    service worker and tells the app its base path;
//  - makes every URL in index.html relative, so the folder works at the
//    site root and under any sub-path on a plain static host;
//  - adds the Content-Security-Policy;
//  - writes sw.js with the list of every file of this build to precache,
//    and a version that changes whenever any file does;
//  - writes .br and .gz next to each file for hosts that serve them.
//
//   node scripts/postbuild.mjs [DIR] [--stamp TEXT]   (DIR defaults to $TRUNK_STAGING_DIR)
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const stampAt = args.indexOf('--stamp');
const stamp = stampAt >= 0 ? args.splice(stampAt, 2)[1] : '';
const dir = args[0] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: postbuild.mjs DIR (or run as a trunk hook)');

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
const GENERATED = /^(sw\.js|boot-[0-9a-f]+\.js)$/;

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

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

// The app version: every file's content, plus the stamp.
const version = hash(files.map((f) => `${f}:${hash(readFileSync(join(dir, f)))}`).join('\n') + stamp);

const boot = `// Starts Rusplan (written by scripts/postbuild.mjs). External, not inline,
// so the Content-Security-Policy needs no 'unsafe-inline'.
import init from './${js}';
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
await init({ module_or_path: new URL('./${wasm}', import.meta.url) });
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);

let html = readFileSync(join(dir, 'index.html'), 'utf8');
html = html
  .replace(/<script type="module">[\s\S]*?<\/script>\s*/g, '')
  .replace(/<script type="module" src="\.\/boot-[0-9a-f]+\.js"><\/script>\s*/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '')
  .replace(/(href|src)="\/(?!\/)/g, '$1="./')
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${CSP}">`)
  .replace('</head>', `  <script type="module" src="./${bootName}"></script>\n  </head>`);
writeFileSync(join(dir, 'index.html'), html);

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
