// The console dashboard's page load (bench/README.md): sign in once through Keycloak's form as zongzi-analyst, then
// load the dashboard N times in the same browser and read the page's own Performance API marks.
//   node page-load.mjs <gateway URL> <from> <to> [loads]
import { chromium } from 'playwright-core';

const [base, from, to, loads = '10'] = process.argv.slice(2);
if (!base || !from || !to) {
  console.error('usage: node page-load.mjs http://127.0.0.1:8080 2026-11-21 2026-11-23 [loads]');
  process.exit(2);
}
// Flags that keep Chromium from reaching for the internet, which this machine's closed network refuses.
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const url = `${base}/console/?brand=brand-zongzi&from=${from}&to=${to}`;
await page.goto(url);
await page.fill('#username', 'zongzi-analyst');
await page.fill('#password', 'demo1234');
await page.click('#kc-login');
// A mark's time from the navigation start of the page Keycloak redirected back to.
const mark = (name) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60000 })
  .then(() => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name));
await mark('bpo:dashboard-complete');
const rendered = [], complete = [], endToEnd = [];
for (let i = 0; i < Number(loads); i++) {
  const t0 = Date.now();
  await page.goto(url);
  const r = await mark('bpo:dashboard-rendered');
  const c = await mark('bpo:dashboard-complete');
  const origin = await page.evaluate(() => performance.timeOrigin);
  rendered.push(Math.round(r)); complete.push(Math.round(c)); endToEnd.push(Math.round(origin + c - t0));
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(JSON.stringify({ rendered, complete, endToEnd, medianRendered: med(rendered), medianComplete: med(complete), medianEndToEnd: med(endToEnd) }));
await browser.close();
