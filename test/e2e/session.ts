// One browser with the extension and one fixture server, shared by the tests of a describe block.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export interface Session {
  ext: ExtensionBrowser;
  server: FixtureServer;
}

/**
 * Starts the session before the block's tests and closes it after them; read its fields inside tests and hooks. The
 * browser runs in American English unless a test chooses another language, so that what the tests read (dates above
 * all, which follow the UI language) is the same whatever the machine's locale.
 */
export function useSession(browserName: BrowserName, options: LaunchOptions = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startFixtureServer();
    session.ext = await launchWithExtension(browserName, { language: 'en-US', ...options });
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}
