// Rusplan's service worker. scripts/postbuild.mjs fills in the version and
// the list of this build's files; never edit the list by hand.
const VERSION = '__VERSION__';
const FILES = [/* __FILES__ */];
const CACHE = `rusplan-${VERSION}`;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user taps "Oppdater",
  // so it never takes over in the middle of an incident.
  // cache: 'reload' so a file is fetched fresh, never from the HTTP cache.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('rusplan-') && key !== CACHE) await caches.delete(key);
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
  event.respondWith(request.mode === 'navigate' ? appShell() : fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
}

// Every navigation (deep links too) gets the cached index.html. Its URLs are
// relative to the app's folder, so make them absolute for a deep path.
async function appShell() {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(new URL('./index.html', self.registration.scope));
  if (!cached) return fetch(new URL('./', self.registration.scope));
  const folder = new URL(self.registration.scope).pathname;
  const html = (await cached.text()).replaceAll('="./', `="${folder}`);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
