// The page before the app has started (see scripts/postbuild.mjs, which
// writes one prerendered home per bundled plan into index.html, and every
// other page of the guidance as a file of its own).
//
// Runs as soon as the page is parsed, long before the wasm: shows the home
// of the plan chosen on this device, so the situation buttons and 112/113
// are there at once; another page shows if it is of the device's plan. A
// tap on a link before the app is up is held, not lost: the address changes
// now and the app opens that page when it starts.
// The app removes all of this (src/main.rs) before it draws itself.
(() => {
  const folder = new URL('./', document.currentScript.src).pathname;
  // A parents' link (?foresatte=) belongs to their own page, a small program
  // of its own: go there before the staff app is even fetched.
  if (new URLSearchParams(location.search).has('foresatte')) {
    location.replace(new URL(`./foresatte.html${location.search}`, document.currentScript.src));
    return;
  }
  let chosen = null;
  try {
    // As the app stores it (src/storage.rs: a JSON string). Blocked storage throws.
    chosen = JSON.parse(localStorage.getItem('rusplan.chosen-plan'));
  } catch {
    chosen = null;
  }
  if (location.pathname !== folder) {
    // Every other page the app links to is a file of its own (crates/prerender),
    // drawn for the default plan and shown as it is parsed. On a device that
    // chose another plan it makes way, and the app draws that plan's page.
    const page = document.querySelector('.prerender[data-plan]:not([hidden])');
    if (!page) return;
    if (typeof chosen === 'string' && chosen !== page.dataset.plan) {
      page.hidden = true;
      return;
    }
    document.documentElement.dataset.page = page.dataset.plan;
    // As the app opens an acute situation: on its steps (pages/procedure.rs),
    // so it finds them where they are when it takes over.
    const steps = page.querySelector('.procedure-head.acute') && page.querySelector('.steps > #procedure-next');
    if (steps) {
      steps.scrollIntoView(true);
      steps.focus();
    }
    holdTaps(page);
    keepUntilStarted(page);
    return;
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
  holdTaps(home);

  // A tap on a link of the app before it is up: the address changes now
  // and the app opens that page when it starts.
  function holdTaps(shown) {
    shown.addEventListener('click', (event) => {
      const link = event.target.closest('a[href]');
      if (!link || link.protocol !== location.protocol || link.origin !== location.origin || window.rusplanFailed) return;
      if (!link.pathname.startsWith(folder) || link.search || link.target) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      // The app reads the address when it starts. A real navigation instead
      // would start the page over.
      history.pushState(null, '', link.href);
      for (const other of shown.querySelectorAll('[aria-busy]')) other.removeAttribute('aria-busy');
      link.setAttribute('aria-busy', 'true');
      shown.querySelector('.prerender-status').textContent = 'Åpner …';
    });
  }

  // What is done on the page before the app is up is not lost: boxes
  // ticked and buttons pressed are done again in the app once it has drawn
  // the same page (the boot script calls rusplanStarted), and focus and
  // scroll stay where they were.
  function keepUntilStarted(shown) {
    const ticked = new Map();
    const pressed = [];
    let focused = null;
    let scrolled = null;
    shown.addEventListener('change', (event) => {
      if (event.target.type === 'checkbox' && event.target.id) ticked.set(event.target.id, event.target.checked);
    });
    shown.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (button) pressed.push(button.textContent);
    });
    shown.addEventListener('focusin', (event) => {
      const e = event.target;
      // The link's resolved address: the app writes it from the folder, the file relative to itself.
      focused = { id: e.id, tag: e.tagName, href: e.href, text: e.textContent };
    });
    addEventListener('scroll', () => { scrolled = scrollY; }, { passive: true });
    window.rusplanStarted = async () => {
      const main = document.getElementById('main');
      if (!main) return;
      const same = (f) => (f.id ? document.getElementById(f.id)
        : [...main.querySelectorAll(f.tag)].find((e) => e.href === f.href && e.textContent === f.text));
      if (focused) same(focused)?.focus({ preventScroll: true });
      if (scrolled !== null && scrollY !== scrolled) scrollTo(0, scrolled);
      for (const [id, checked] of ticked) {
        const box = document.getElementById(id);
        if (box?.type === 'checkbox' && box.checked !== checked) box.click();
      }
      for (const text of pressed) {
        // After each, the app may draw what the answer opened.
        await new Promise(requestAnimationFrame);
        [...main.querySelectorAll('button')].find((b) => b.textContent === text)?.click();
      }
    };
  }

  // The service worker shows this plan's home at the next start without
  // waiting for this script (the app keeps it up to date on a switch).
  function rememberForServiceWorker(id) {
    if (!('caches' in window)) return;
    caches.open('rusplan-start')
      .then((cache) => cache.put(new URL(`${folder}start-plan`, location.origin).href, new Response(id)))
      .catch(() => {});
  }
})();
