// Screenshots at 360×640 for the README: home, the acute procedure one tap
// from home, contacts, and the parents' page. Run after a release build:
//   node scripts/screenshots.mjs
import { launch, open, PHONE, startApp } from '../tests/e2e/harness.mjs';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const app = await startApp();
const browser = await launch();
const page = await browser.newPage({ ...PHONE, deviceScaleFactor: 1 });
const shot = (name) => page.screenshot({ path: `${out}${name}.png` });
// open() waits for the app itself, not the home prerendered into index.html.
await open(page, `${app.url}/`);
await shot('home');
await page.locator('.situations a').first().click();
await page.locator('ol.step-list').waitFor();
await page.waitForTimeout(300); // the scroll to the steps
await shot('acute-procedure');
await open(page, `${app.url}/kontakter`);
await shot('contacts');
await open(page, `${app.url}/?foresatte=halden-vgs`);
await shot('parents');
await browser.close();
await app.close();
