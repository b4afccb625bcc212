// A check the browser cuts off (Firefox ends an idle event page, fetch or not) is recorded at the next look, and a
// check still running, or begun a moment ago, is left to finish.
import { afterEach, describe, expect, it, vi } from 'vitest';

const stored: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => ({ [key]: stored[key] }),
        set: async (items: Record<string, unknown>) => Object.assign(stored, items),
      },
    },
  },
}));
vi.mock('./corpus-store', () => ({ importUserPack: vi.fn() }));
const { subscriptions, checkSubscription } = await import('./subscriptions');
const { DOWNLOAD_TIMEOUT_MS } = await import('../shared/pack-download');
const { t } = await import('../shared/i18n');

const started = '2026-12-07T10:00:00.000Z';
const subscription = {
  url: 'https://packs.example.org/team.json',
  integrity: { kind: 'sha256', sha256: 'a'.repeat(64) },
  intervalHours: 24,
  checkedAt: '2026-12-06T10:00:00.000Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
  delete stored['subscriptions'];
});

describe('a check the browser cut off', () => {
  it('is recorded, with when it began and why nothing changed, once longer than any check has passed', async () => {
    stored['subscriptions'] = [{ ...subscription, checkStartedAt: started }];
    const [after] = await subscriptions(Date.parse(started) + 5 * DOWNLOAD_TIMEOUT_MS);
    expect(after?.checkStartedAt).toBeUndefined();
    expect(after?.checkedAt).toBe(started);
    expect(after?.problem).toBe(t('subscriptionCheckCutOff'));
    expect(after?.problem).toContain('did not finish');
  });

  it('is left alone while it may still be running', async () => {
    stored['subscriptions'] = [{ ...subscription, checkStartedAt: started }];
    const [after] = await subscriptions(Date.parse(started) + 1_000);
    expect(after?.checkStartedAt).toBe(started);
    expect(after?.checkedAt).toBe(subscription.checkedAt);
    expect(after?.problem).toBeUndefined();
  });

  it('is no cut-off check when it is still running in this background, however long ago it began', async () => {
    stored['subscriptions'] = [subscription];
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Promise<Response>((resolve) => (answer = resolve))),
    );
    const running = checkSubscription(subscription.url, () => undefined);
    await vi.waitFor(() =>
      expect((stored['subscriptions'] as { checkStartedAt?: string }[])[0]?.checkStartedAt).toBeDefined(),
    );
    const [during] = await subscriptions(Date.now() + 10 * DOWNLOAD_TIMEOUT_MS);
    expect(during?.problem).toBeUndefined();
    answer(new Response('gone', { status: 404 }));
    const after = await running;
    expect(after.checkStartedAt).toBeUndefined();
    expect(after.problem).toContain('404');
  });
});
