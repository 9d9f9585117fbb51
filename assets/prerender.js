// The home screen before the app has started (see scripts/postbuild.mjs,
// which writes one prerendered home per bundled plan into index.html).
//
// Runs as soon as the page is parsed, long before the wasm: shows the home
// of the plan chosen on this device, so the situation buttons and 112/113
// are there at once. A tap on a situation before the app is up is held, not
// lost: the address changes now and the app opens that page when it starts.
// The app removes all of this (src/main.rs) before it draws itself.
(() => {
  const folder = new URL('./', document.currentScript.src).pathname;
  // A parents' link (?foresatte=) belongs to their own page, a small program
  // of its own: go there before the staff app is even fetched.
  if (new URLSearchParams(location.search).has('foresatte')) {
    location.replace(new URL(`./foresatte.html${location.search}`, document.currentScript.src));
    return;
  }
  // Only the home screen is prerendered; a deep link or the parents' page
  // (?foresatte=) waits for the app instead of flashing the wrong page.
  if (location.pathname !== folder || new URLSearchParams(location.search).has('foresatte')) return;
  let chosen = null;
  try {
    // As the app stores it (src/storage.rs: a JSON string). Blocked storage throws.
    chosen = JSON.parse(localStorage.getItem('rusplan.chosen-plan'));
  } catch {
    chosen = null;
  }
  const homes = [...document.querySelectorAll('.prerender[data-plan]')];
  const home = homes.find((h) => h.dataset.plan === chosen) ?? homes.find((h) => 'default' in h.dataset);
  if (!home) return;
  // The service worker may have shown this home already (assets/sw.js);
  // then what it keeps is right and needs no rewrite on every start.
  const shownByWorker = !home.hidden;
  for (const other of homes) other.hidden = other !== home;
  // Says this script has run (tests/e2e/pwa.test.mjs tells by it whether the
  // service worker had shown the home before).
  document.documentElement.dataset.home = home.dataset.plan;
  if (!shownByWorker) rememberForServiceWorker(home.dataset.plan);
  home.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || link.protocol !== location.protocol || window.rusplanFailed) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // The app reads the address when it starts. A real navigation instead
    // would start the page over, and on a plain host's first visit (no
    // service worker yet) a deep path is not there at all.
    history.pushState(null, '', link.href);
    for (const other of home.querySelectorAll('[aria-busy]')) other.removeAttribute('aria-busy');
    link.setAttribute('aria-busy', 'true');
    home.querySelector('.prerender-status').textContent = 'Åpner …';
  });

  // The service worker shows this plan's home at the next start without
  // waiting for this script (the app keeps it up to date on a switch).
  function rememberForServiceWorker(id) {
    if (!('caches' in window)) return;
    caches.open('rusplan-start')
      .then((cache) => cache.put(new URL(`${folder}start-plan`, location.origin).href, new Response(id)))
      .catch(() => {});
  }
})();
