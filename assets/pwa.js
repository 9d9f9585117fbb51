// Registers the service worker and runs the update prompt's side of it:
// when a new version has installed and is waiting, the app is told (event
// "rusplan-update-ready"); window.rusplanApplyUpdate() then lets it take
// over and reloads once it controls the page. Drafts live in localStorage
// and are not touched by any of this.
export function startServiceWorker(url) {
  if (!('serviceWorker' in navigator)) return;
  const ready = (registration) => {
    window.rusplanUpdateReady = true;
    window.rusplanApplyUpdate = () => {
      let reloaded = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (!reloaded) { reloaded = true; window.location.reload(); }
      });
      registration.waiting?.postMessage('oppdater');
    };
    window.dispatchEvent(new Event('rusplan-update-ready'));
  };
  navigator.serviceWorker.register(url, { scope: new URL('./', url).pathname }).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) ready(registration);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(registration);
      });
    });
    // Look for a new version whenever the app comes back to the foreground.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => {});
}
