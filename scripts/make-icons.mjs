// Renders the app's SVG icons to the PNG sizes the manifest lists, with
// Debian's Chromium. Run by hand when an icon changes; the PNGs are committed.
//   node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/harness.mjs';

const icons = new URL('../assets/icons/', import.meta.url);
const browser = await launch();
for (const [svg, png, size] of [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = Buffer.from(readFileSync(new URL(svg, icons))).toString('base64');
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}">`);
  await page.screenshot({ path: new URL(png, icons).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
