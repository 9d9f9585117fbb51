// temporary profiling (not committed)
import { launch, PHONE } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';
const root = process.argv[2];
const browser = await launch();
let server = await serve(root, { spa: true });
const port = new URL(server.url).port;
const context = await browser.newContext({ ...PHONE });
await context.addInitScript(() => {
  const seen = () => { if (!document.querySelector('.situations a')) return false; window.__ready = performance.now(); return true; };
  if (!seen()) new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(server.url + '/');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await server.close();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url + '/', { waitUntil: 'commit' });
await page.waitForFunction(() => window.__ready !== undefined, null, { polling: 'raf' });
const { profile } = await cdp.send('Profiler.stop');
const ready = await page.evaluate(() => window.__ready);
const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop().padEnd(40)} start ${e.startTime.toFixed(0)} end ${e.responseEnd.toFixed(0)}`));
const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return `nav responseEnd ${n.responseEnd.toFixed(0)} domInteractive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)}`; });
console.log('ready', ready.toFixed(0)); console.log(nav); console.log(res.join('\n'));
// self time per function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; 
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
const tot = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total sampled ms', (tot / 1000).toFixed(1));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(7), k.slice(0, 120));
await browser.close();
