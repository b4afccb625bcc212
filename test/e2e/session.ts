// One browser with the extension and one fixture server, shared by the tests of a describe block.
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export interface Session {
  ext: ExtensionBrowser;
  server: FixtureServer;
}

/** Starts the session before the block's tests and closes it after them; read its fields inside tests and hooks. */
export function useSession(browserName: BrowserName, options: LaunchOptions = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startFixtureServer();
    session.ext = await launchWithExtension(browserName, options);
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}
