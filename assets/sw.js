// Rusplan's service worker. scripts/postbuild.mjs fills in the version and
// the list of this build's files; never edit the list by hand.
const VERSION = '__VERSION__';
const FILES = [/* __FILES__ */];
const CACHE = `rusplan-${VERSION}`;
// The plan whose home shows at start on this device (a plan id, nothing
// else; written by the app and assets/prerender.js). Outlives versions.
const START = 'rusplan-start';
const START_PLAN = new URL('./start-plan', self.registration.scope);
// postbuild.mjs and trunk name files by content: name-<hex digits>…, 8 to 16 of them (trunk drops leading zeros).
const HASHED = /-[0-9a-f]{8,16}(?:[._-]|$)/;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user taps "Oppdater",
  // so it never takes over in the middle of an incident.
  // A file with a content hash in its name never changes under that name:
  // the copy the page has just downloaded is taken from the HTTP cache, not
  // fetched a second time. Every other file is fetched fresh ('reload').
  // What the HTTP cache holds may be an error a host marked immutable (a
  // page loaded half-way through a deploy): only a good copy is taken.
  const download = async (f) => {
    if (HASHED.test(f)) {
      const cached = await fetch(f, { cache: 'force-cache' });
      if (cached.ok) return cached;
    }
    const fresh = await fetch(f, { cache: 'reload' });
    if (!fresh.ok) throw new Error(`${f}: ${fresh.status}`);
    return fresh;
  };
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const gz = !(await hostCompresses(download)) && typeof DecompressionStream === 'function';
    await Promise.all(FILES.map(async (f) => cache.put(f, await (gz && f.endsWith('.wasm') ? fromGzip(f, download) : download(f)))));
  })());
});

// As assets/load-wasm.js decides for the page: a host that compresses the
// stylesheet sends the wasm compressed too; one that does not has the page
// fetch X_bg.wasm.gz, so that is the file in the HTTP cache to take here.
async function hostCompresses(download) {
  const sheet = FILES.find((f) => f.endsWith('.css'));
  return !!sheet && (await download(sheet)).headers.has('content-encoding');
}

// The wasm `f` from its .gz, decoded, kept under its own name (the page
// asks for either; the fetch handler answers both from it). Anything but
// gzip or wasm in the .gz (a 404, a host's error page), or a .gz that does
// not decode: the plain file.
async function fromGzip(f, download) {
  try {
    const response = await fetch(`${f}.gz`, { cache: 'force-cache' });
    if (response.ok) {
      let bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      }
      if (bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) {
        return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
      }
    }
  } catch {
    // The plain file, below.
  }
  return download(f);
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      // The parents' pages' worker (parents-sw.js) keeps its own.
      if (key.startsWith('rusplan-') && !key.startsWith('rusplan-parents-') && key !== CACHE && key !== START) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'oppdater') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The parents' pages, the flowcharts' pages and the plan studio are files
  // of their own; every other navigation is the app.
  const ownFile = /\/(foresatte(\.html$|\/)|flyt\/|studio\.html$)/.test(url.pathname);
  event.respondWith(request.mode === 'navigate' && !ownFile ? appShell(url) : fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true })
    // X_bg.wasm.gz (assets/load-wasm.js): the wasm is kept decoded, as X_bg.wasm.
    ?? (/\.wasm\.gz$/.test(request.url) ? await cache.match(request.url.replace(/\.gz$/, '')) : undefined);
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch {
    // Offline, and not part of this build (a page that no longer exists).
    return new Response('Ikke tilgjengelig uten nett.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

// Every navigation (deep links too) gets the cached index.html, or the page's
// own file (above). index.html's URLs are relative to the app's folder, so
// make them absolute for a deep path; a page's are relative to its own.
async function appShell(url) {
  const folder = new URL(self.registration.scope).pathname;
  const home = url.pathname === folder && !url.searchParams.has('foresatte');
  // A page of the guidance is a file of its own (crates/prerender), for the
  // default plan: served as it is, so it shows before the app has started,
  // unless this device chose another plan (then the app draws that plan's).
  const file = !home && url.pathname.endsWith('/') && !url.search
    ? new URL(`./${url.pathname.slice(folder.length)}index.html`, self.registration.scope) : null;
  // The reads at once: this is on the way to the first paint.
  const [cached, startPlan, page] = await Promise.all([
    caches.match(new URL('./index.html', self.registration.scope), { cacheName: CACHE }),
    caches.match(START_PLAN, { cacheName: START }).then((r) => r?.text() ?? ''),
    file ? caches.match(file, { cacheName: CACHE }) : undefined,
  ]);
  if (!cached) return fetch(new URL('./', self.registration.scope));
  const pageHtml = await page?.text();
  const planOfPage = pageHtml?.match(/<div class="prerender" data-plan="([a-z0-9-]+)"/)?.[1];
  const ownPage = pageHtml && (!planOfPage || !/^[a-z0-9-]+$/.test(startPlan) || startPlan === planOfPage);
  let html = ownPage ? pageHtml : (await cached.text()).replaceAll('="./', `="${folder}`);
  if (home) html = withStartHome(html, startPlan);
  // The host's security headers (docs/hosting/) go with the page as they came
  // with index.html: without frame-ancestors here, any page on the same site
  // could frame the app once this worker is installed.
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
  for (const name of KEPT_HEADERS) {
    if (cached.headers.has(name)) headers.set(name, cached.headers.get(name));
  }
  return new Response(html, { headers });
}

const KEPT_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

// Un-hides the prerendered home of this device's plan in the served page, so
// its buttons show as the page is parsed, before any script has run.
// prerender.js still decides once it runs; this only saves it the wait.
function withStartHome(html, id) {
  // No stored plan, or one no longer bundled: the default plan's home.
  const known = /^[a-z0-9-]+$/.test(id) && html.includes(`data-plan="${id}"`);
  return html.replace(/<div class="prerender" data-plan="([a-z0-9-]+)"( data-default)? hidden>/g,
    (tag, plan, isDefault) => ((known ? plan === id : isDefault) ? tag.replace(' hidden>', '>') : tag));
}
