// Launches real Chromium and Firefox with the built extension loaded, for end-to-end tests and `npm start`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

export type BrowserName = 'chromium' | 'firefox';

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** Base URL of the extension's pages, ending in "/". */
  extensionUrl: string;
  /** Opens one of the extension's own pages (path relative to the extension root). */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the background so that its next start reads the store afresh, as after a browser restart. */
  restartBackground(): Promise<void>;
  /** Where the browser saves what the reader downloads, without asking: a new empty folder per launch. */
  downloadDir: string;
  close(): Promise<void>;
}

export const distDir = (name: BrowserName): string =>
  resolve(import.meta.dirname, '../../dist', name === 'chromium' ? 'chrome' : 'firefox');

const GECKO_ID = 'sourcelight@sourcelight.invalid';
// A fixed moz-extension host, so that tests can open the extension's pages in Firefox.
const FIREFOX_UUID = '5f1c2d3e-8a7b-4c6d-9e0f-112233445566';

export function findBrowserBinary(name: BrowserName): string {
  const candidates =
    name === 'chromium'
      ? [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
      : [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (!found) throw new Error(`${name} was not found. ${installHint(name)}`);
  return found;
}

export function installHint(name: BrowserName): string {
  const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
  const variable = name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
  return `Install it with \`apt-get install -y ${pkg}\` or set ${variable} to its binary.`;
}

function assertBuilt(path: string): void {
  if (!existsSync(path.endsWith('.zip') ? path : resolve(path, 'manifest.json'))) {
    throw new Error(`No built extension at ${path}: run \`npm run build\` (or \`npm run package\`) first.`);
  }
}

export interface LaunchOptions {
  /**
   * What to install instead of dist/: for Chromium an unpacked folder, for Firefox a folder or a zip, which it
   * installs as a temporary add-on as about:debugging does.
   */
  extension?: string;
  /** The colour scheme pages see; Firefox's BiDi cannot emulate it per page, so it is set for the whole browser. */
  colorScheme?: 'light' | 'dark';
  /**
   * Pages may reach 127.0.0.1 only: a request to any other host fails at once, as on a machine without network,
   * so that the real pages' links to their sites' stylesheets and images never leave the machine.
   */
  localOnly?: boolean;
  /**
   * Firefox: how long its event page may idle before it is suspended (30 s by default), so that a benchmark can
   * have it stopped as after a reader's pause without waiting that long.
   */
  backgroundIdleMs?: number;
  /** The browser's UI language ("fa", "en-US"): Chromium's --lang, Firefox's intl.locale.requested. */
  language?: string;
}

/**
 * Headless Chromium on a machine whose network is closed: no background connections (refused here, many at once),
 * no component updates, no sync, no first-run pages. The benchmarks start it the same way.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium: every other host name fails to resolve. */
const CHROMIUM_LOCAL_ONLY = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
/** Firefox: every other host goes through a proxy on a port where nothing listens, and fails to connect. */
const FIREFOX_LOCAL_ONLY = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.proxy.failover_direct': false,
};

/** Firefox: save every download to `dir` without a dialog. */
const firefoxDownloads = (dir: string): Record<string, unknown> => ({
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
  // The downloads panel would open over the page and take the keyboard from it.
  'browser.download.alwaysOpenPanel': false,
});

/** The POSIX locale Chromium on Linux reads a UI language from: "en-US" as "en_US", "fa" as "fa_IR". */
const posixLocale = (language: string): string =>
  language.includes('-')
    ? language.replace('-', '_')
    : `${language}_${language === 'fa' ? 'IR' : language.toUpperCase()}`;

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = options.extension ?? distDir('chromium');
  assertBuilt(dir);
  const downloadDir = mkdtempSync(join(tmpdir(), 'sourcelight-downloads-'));
  const browser = await puppeteer.launch({
    executablePath: findBrowserBinary('chromium'),
    headless: true,
    pipe: true,
    enableExtensions: [dir],
    args: [
      ...CHROMIUM_ARGS,
      ...(options.localOnly ? CHROMIUM_LOCAL_ONLY : []),
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
    // On Linux, Chromium takes its UI language from the environment rather than --lang.
    ...(options.language
      ? {
          env: {
            ...process.env,
            LANGUAGE: posixLocale(options.language),
            LANG: `${posixLocale(options.language)}.UTF-8`,
          },
        }
      : {}),
  });
  if (options.colorScheme) {
    const scheme = options.colorScheme;
    // Every page, extension pages included, gets the scheme as soon as it opens.
    browser.on('targetcreated', (target) => {
      void target
        .page()
        .then((page) => page?.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]))
        .catch(() => undefined);
    });
  }
  const worker = await browser.waitForTarget((target) => target.type() === 'service_worker', { timeout: 20_000 });
  const extensionUrl = `chrome-extension://${new URL(worker.url()).host}/`;
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir });
  return wrap('chromium', browser, extensionUrl, downloadDir);
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = options.extension ?? distDir('firefox');
  assertBuilt(dir);
  const downloadDir = mkdtempSync(join(tmpdir(), 'sourcelight-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowserBinary('firefox'),
    headless: true,
    // Firefox 153 and later refuse WebDriver navigation to moz-extension:// pages without system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // 0 dark, 1 light, 2 follow the system.
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
      ...(options.localOnly ? FIREFOX_LOCAL_ONLY : {}),
      ...(options.backgroundIdleMs !== undefined
        ? { 'extensions.background.idle.timeout': options.backgroundIdleMs }
        : {}),
      ...firefoxDownloads(downloadDir),
      ...(options.language ? { 'intl.locale.requested': options.language } : {}),
      // A language pack (Debian's firefox-esr-l10n-fa) is an application-scope add-on, which a new profile would
      // otherwise leave disabled; English is built in.
      ...(options.language && !options.language.startsWith('en')
        ? { 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 }
        : {}),
      // Lets a test read what the reader copied, without Firefox's paste prompt.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  await browser.installExtension(dir);
  return wrap('firefox', browser, `moz-extension://${FIREFOX_UUID}/`, downloadDir);
}

function wrap(name: BrowserName, browser: Browser, extensionUrl: string, downloadDir: string): ExtensionBrowser {
  return {
    name,
    browser,
    extensionUrl,
    downloadDir,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionUrl + path;
      if (name === 'chromium') {
        await page.goto(url, { waitUntil: 'load' });
        return page;
      }
      // Firefox's WebDriver BiDi does not report navigations to moz-extension pages, so goto() would never
      // settle: start it, then wait until the page itself says it has loaded.
      page.goto(url, { timeout: 0 }).catch(() => undefined);
      // (waitForFunction cannot be used: the extension's CSP forbids the Function() it relies on.)
      await waitFor(`${url} to load`, () =>
        page
          .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
          .catch(() => false),
      );
      return page;
    },
    async restartBackground() {
      const page = await this.openExtensionPage('src/popup/popup.html');
      if (name === 'chromium') {
        const session = await page.createCDPSession();
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
        await page.close();
        return;
      }
      // Firefox has no protocol command to stop an event page; reloading the add-on restarts it (and closes its pages).
      await page
        .evaluate(() =>
          (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
        )
        .catch(() => undefined);
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

export function launchWithExtension(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export const allBrowsers: BrowserName[] = ['chromium', 'firefox'];
