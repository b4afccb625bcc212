// The release as the stores and reviewers get it: the AMO zip installed in Firefox as a temporary add-on, straight
// from the zip, and the Chrome Web Store zip unpacked and loaded in Chromium, each then reading the demo page.
// Needs `npm run package` first (npm test runs it).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveName, packageVersion, releaseDir } from '../release/release-files';
import { unzipToDirectory } from '../release/zip';
import { allBrowsers, type BrowserName } from './browsers';
import { cardState } from './card-frame';
import { waitForMarks } from './page-state';
import { useSession } from './session';
import { waitFor } from './wait-for';

const version = packageVersion();

function releaseZip(kind: 'chrome' | 'firefox'): string {
  const zip = join(releaseDir, archiveName(version, kind));
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run \`npm run package\` first.`);
  return zip;
}

/** Chromium loads an extension from a folder only, as a developer's "Load unpacked" does. */
const chromeDir = mkdtempSync(join(tmpdir(), 'sourcelight-chrome-zip-'));
unzipToDirectory(readFileSync(releaseZip('chrome')), chromeDir);
afterAll(() => rmSync(chromeDir, { recursive: true, force: true }));

const installed: Record<BrowserName, string> = { chromium: chromeDir, firefox: releaseZip('firefox') };

describe.each(allBrowsers)('the release zip in %s', (browserName) => {
  const session = useSession(browserName, { extension: installed[browserName] });

  it("runs as package.json's version", async () => {
    const popup = await session.ext.openExtensionPage('src/popup/popup.html');
    const manifestVersion = await popup.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
        ).chrome.runtime.getManifest().version,
    );
    expect(manifestVersion).toBe(version);
    await popup.close();
  });

  it('highlights the demo page, and a click on a name opens its card', async () => {
    const page = await session.ext.browser.newPage();
    await page.goto(session.server.url('demo.html'), { waitUntil: 'load' });
    await waitForMarks(page, 10);
    await (await page.$('mark.sourcelight[data-sl-id="person-steve-mccabe"]'))?.click();
    const card = await waitFor('the card with its statements', async () => {
      const state = await cardState(page);
      return state.statementLinks.length > 0 ? state : undefined;
    });
    expect(card.label).toBe('Steve McCabe');
    await page.close();
  });
});
