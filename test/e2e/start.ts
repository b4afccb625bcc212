// `npm start`: opens Chromium with the built extension on the demo page. With no display it runs headless,
// saves screenshots to out/ and says where the unpacked extensions are and how to load them by hand.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { distDir, launchWithExtension } from './browsers';
import { startFixtureServer } from './fixture-server';

const outDir = resolve(import.meta.dirname, '../../out');
mkdirSync(outDir, { recursive: true });
const server = await startFixtureServer();
const chromeDir = distDir('chromium');
const firefoxDir = distDir('firefox');

const howToLoad = `
Built extensions:
  Chromium/Chrome: ${chromeDir}
    chrome://extensions → turn on "Developer mode" → "Load unpacked" → choose that folder.
  Firefox:         ${firefoxDir}
    about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → choose ${firefoxDir}/manifest.json.
  Demo page: ${server.url('demo.html')} while a browser opened by this command is open; to serve it yourself,
    python3 -m http.server --bind 127.0.0.1 -d test/fixtures 8000  →  http://127.0.0.1:8000/demo.html`;

if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: false,
    pipe: true,
    enableExtensions: [chromeDir],
    defaultViewport: null,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(server.url('demo.html'));
  console.log(`Chromium is open on the demo page with Sourcelight loaded. Close the browser to stop.${howToLoad}`);
  await new Promise<void>((done) => browser.on('disconnected', () => done()));
} else {
  const ext = await launchWithExtension('chromium');
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url('demo.html'), { waitUntil: 'load' });
  await page.waitForSelector('mark.sourcelight', { timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: resolve(outDir, 'start-demo.png') });
  const popup = await ext.openExtensionPage('src/popup/popup.html');
  await popup.setViewport({ width: 400, height: 560 });
  await popup.screenshot({ path: resolve(outDir, 'start-popup.png') });
  await ext.close();
  console.log(
    `No display found, so Chromium ran headless. Screenshots: ${outDir}/start-demo.png, ${outDir}/start-popup.png${howToLoad}`,
  );
}
await server.close();
