// The parents' pages' own service worker. scripts/postbuild.mjs fills in the
// version and the files; never edit the lists by hand.
//
// parents-offline.js registers it with the scope "foresatte" (a prefix:
// foresatte.html and foresatte/…) on a device the staff app's worker does
// not already serve. It keeps what the parents' pages need offline and
// nothing of the staff app, so a parent's first visit stays small: the
// shared files, and both languages of the plan whose page is open (another
// plan's page is kept once it has been seen online).
const VERSION = '__VERSION__';
const FILES = [/* __FILES__ */];
const PAGES = {/* __PAGES__ */};
const CACHE = `rusplan-parents-${VERSION}`;
// Named by content (see assets/sw.js): the copy the page downloaded is the one.
const HASHED = /-[0-9a-f]{8,16}(?:[._-]|$)/;

self.addEventListener('install', (event) => {
  // Read-only pages: a new version may take over at once.
  self.skipWaiting();
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const plans = new Set();
    for (const client of open) {
      const url = new URL(client.url);
      for (const [plan, files] of Object.entries(PAGES)) {
        if (files.some((f) => new URL(f, self.location).pathname === url.pathname) || url.searchParams.get('foresatte') === plan) plans.add(plan);
      }
    }
    const wanted = [...FILES, ...[...plans].flatMap((plan) => PAGES[plan])];
    const cache = await caches.open(CACHE);
    await Promise.all(wanted.map(async (f) => cache.put(f, await download(f))));
  })());
});

// A hashed file from the HTTP cache; any other asked again of the host,
// which answers "not changed" for what the page has just loaded.
async function download(f) {
  if (HASHED.test(f)) {
    const cached = await fetch(f, { cache: 'force-cache' });
    if (cached.ok) return cached;
  }
  const fresh = await fetch(f, { cache: 'no-cache' });
  if (!fresh.ok) throw new Error(`${f}: ${fresh.status}`);
  return fresh;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('rusplan-parents-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

const PAGE_FILES = new Set(Object.values(PAGES).flat().map((f) => new URL(f, self.location).pathname));

async function answer(request) {
  // Every cache of the site: on a staff device the app's holds the handout's files.
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && PAGE_FILES.has(new URL(request.url).pathname)) {
      await (await caches.open(CACHE)).put(request, response.clone());
    }
    return response;
  } catch {
    return new Response('Ikke tilgjengelig uten nett.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
