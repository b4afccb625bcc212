import { afterEach, describe, expect, it, vi } from 'vitest';

const contains = vi.fn<(request: { origins: string[] }) => Promise<boolean>>();
vi.mock('webextension-polyfill', () => ({
  default: { permissions: { contains: (request: { origins: string[] }) => contains(request) } },
}));
const { downloadPack, originCovered, parsePackUrl } = await import('./pack-download');
const { MAX_PACK_JSON_LENGTH } = await import('../shared/pack-parts');

const url = new URL('https://packs.example.org/a/pack.json');

/** A fetch that fails as the browser fails one refused by CORS or by an unreachable server: it cannot tell which. */
const stubRefusedFetch = (): void => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
};

afterEach(() => {
  vi.unstubAllGlobals();
  contains.mockReset();
});

describe('parsePackUrl', () => {
  it('accepts http and https addresses', () => {
    expect(parsePackUrl(' https://example.org/p.json ')).toBeInstanceOf(URL);
    expect(parsePackUrl('http://127.0.0.1:8080/p.json')).toBeInstanceOf(URL);
  });
  it('refuses other schemes and text that is no address', () => {
    expect(parsePackUrl('file:///etc/passwd')).toMatch(/Only https:\/\/ and http:\/\//);
    expect(parsePackUrl('example.org/p.json')).toMatch(/not a web address/);
  });
});

describe('downloadPack', () => {
  it('returns the text of a readable response', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"a":1}')),
    );
    expect(await downloadPack(url, new AbortController().signal)).toEqual({ ok: true, text: '{"a":1}' });
  });
  it('sends no cookies or referrer', async () => {
    const fetchMock = vi.fn(async (_url: URL, _init: RequestInit) => new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    await downloadPack(url, new AbortController().signal);
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });
  it('asks for permission for just the origin when a refused fetch could be CORS and none is held', async () => {
    stubRefusedFetch();
    contains.mockResolvedValue(false);
    expect(await downloadPack(url, new AbortController().signal)).toEqual({
      ok: false,
      needsPermission: true,
      origin: 'https://packs.example.org',
    });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://packs.example.org/*'] });
  });
  it('reports an unreachable server when the permission is already held', async () => {
    stubRefusedFetch();
    contains.mockResolvedValue(true);
    expect(await downloadPack(url, new AbortController().signal)).toMatchObject({
      ok: false,
      needsPermission: false,
      error: expect.stringMatching(/could not be reached/),
    });
  });
  it('reports the HTTP status of a failed response', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('gone', { status: 404, statusText: 'Not Found' })),
    );
    expect(await downloadPack(url, new AbortController().signal)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/answered 404 Not Found/),
    });
  });
  it('refuses a response that declares or streams more than the size limit', async () => {
    const declared = new Response('{}', { headers: { 'content-length': String(MAX_PACK_JSON_LENGTH + 1) } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => declared),
    );
    expect(await downloadPack(url, new AbortController().signal)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/largest pack/),
    });

    const chunk = new Uint8Array(10_000_000);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(endless)),
    );
    expect(await downloadPack(url, new AbortController().signal)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/larger than/),
    });
    expect(sent).toBeLessThan(MAX_PACK_JSON_LENGTH + 3 * chunk.byteLength);
  });

  it('names the other site when the address redirects there, and imports nothing', async () => {
    const redirected = new Response('{}');
    Object.defineProperty(redirected, 'url', { value: 'https://elsewhere.example.com/pack.json' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => redirected),
    );
    const result = await downloadPack(url, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, needsPermission: false });
    if (!result.ok && !result.needsPermission)
      expect(result.error).toMatch(/packs\.example\.org redirected to elsewhere\.example\.com/);
  });

  /** A server that sends headers and then nothing more, until the request is aborted. */
  const endless = (_url: URL, init: RequestInit): Promise<Response> =>
    Promise.resolve(
      new Response(
        new ReadableStream({
          start(controller) {
            init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        }),
      ),
    );

  it('gives up on a server that never finishes, saying so', async () => {
    vi.stubGlobal('fetch', vi.fn(endless));
    const result = await downloadPack(url, new AbortController().signal, 50);
    expect(result).toEqual({
      ok: false,
      needsPermission: false,
      error: 'packs.example.org sent no complete answer within 0.05 seconds.',
    });
  });

  it('stops when the reader cancels', async () => {
    vi.stubGlobal('fetch', vi.fn(endless));
    const cancel = new AbortController();
    const pending = downloadPack(url, cancel.signal);
    setTimeout(() => cancel.abort(), 20);
    expect(await pending).toEqual({ ok: false, needsPermission: false, error: 'Cancelled.' });
  });

  it('asks whether the pack changed since the last download, and says so when the server answers 304', async () => {
    const fetchStub = vi.fn(
      async (_url: URL, init?: RequestInit) =>
        new Response(null, { status: new Headers(init?.headers).get('if-none-match') === '"v1"' ? 304 : 500 }),
    );
    vi.stubGlobal('fetch', fetchStub);
    const since = { etag: '"v1"', lastModified: 'Mon, 07 Dec 2026 02:00:00 GMT' };
    expect(await downloadPack(url, new AbortController().signal, 1_000, since)).toEqual({ ok: true, unchanged: true });
    const headers = new Headers(fetchStub.mock.calls[0]?.[1]?.headers);
    expect(headers.get('if-modified-since')).toBe(since.lastModified);
  });

  it("keeps the server's validators of a new version, for the next check", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"a":2}', { headers: { etag: '"v2"', 'last-modified': 'Tue, 08 Dec 2026' } })),
    );
    expect(await downloadPack(url, new AbortController().signal)).toEqual({
      ok: true,
      text: '{"a":2}',
      etag: '"v2"',
      lastModified: 'Tue, 08 Dec 2026',
    });
  });
});

describe('originCovered', () => {
  it('matches the patterns the browser granted, scheme and host', () => {
    expect(originCovered('http://127.0.0.1:8080', ['http://*/*', 'https://*/*'])).toBe(true);
    expect(originCovered('https://packs.example.org', ['https://*.example.org/*'])).toBe(true);
    expect(originCovered('https://example.org', ['https://*.example.org/*'])).toBe(true);
    expect(originCovered('https://evil-example.org', ['https://*.example.org/*'])).toBe(false);
    expect(originCovered('https://example.org', ['http://*/*'])).toBe(false);
    expect(originCovered('https://example.org', ['<all_urls>'])).toBe(true);
    expect(originCovered('https://example.org', [])).toBe(false);
  });
});
