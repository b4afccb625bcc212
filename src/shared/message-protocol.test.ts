import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'self' } } }));
const { createMessageListener, parseRequest } = await import('./message-protocol');
const { backgroundMessages } = await import('./messages');
const { MAX_SHARE_TEXT } = await import('./dictionary');

describe('parseRequest', () => {
  it('accepts a known message that matches its schema', () => {
    expect(parseRequest(backgroundMessages, { type: 'getEntityCard', entityId: 'person-a' })).toEqual({
      type: 'getEntityCard',
      request: { type: 'getEntityCard', entityId: 'person-a' },
    });
  });

  it('says what is wrong with a malformed, unknown or invalid message', () => {
    expect(parseRequest(backgroundMessages, null)).toEqual({ error: expect.stringMatching(/^Malformed/) });
    expect(parseRequest(backgroundMessages, { type: 3 })).toEqual({ error: expect.stringMatching(/^Malformed/) });
    expect(parseRequest(backgroundMessages, { type: 'toString' })).toEqual({
      error: expect.stringMatching(/^Unknown message type "toString"/),
    });
    expect(parseRequest(backgroundMessages, { type: 'getEntityCard' })).toEqual({
      error: expect.stringMatching(/^Invalid "getEntityCard" message: entityId/),
    });
  });

  it("checks a page's requests, whose schemas are zod/mini's, as it checks the others", () => {
    const card = { type: 'showCard', entityId: 'person-a', reason: { rule: 'named-above' } };
    expect(parseRequest(backgroundMessages, card)).toEqual({ type: 'showCard', request: card });
    expect(parseRequest(backgroundMessages, { ...card, reason: { rule: 'guessed' } })).toEqual({
      error: expect.stringMatching(/^Invalid "showCard" message: /),
    });
    const tooLong = { type: 'checkClaims', corpora: 'public', text: 'x'.repeat(200_001), names: [] };
    expect(parseRequest(backgroundMessages, tooLong)).toEqual({
      error: expect.stringMatching(/^Invalid "checkClaims" message: text/),
    });
    // A page's request says which corpora it is about; nothing else is either.
    expect(parseRequest(backgroundMessages, { type: 'getDictionary', corpora: 'mine', text: '' })).toEqual({
      error: expect.stringMatching(/^Invalid "getDictionary" message: corpora/),
    });
    // A page asks for its share of the dictionary with its text, at most MAX_SHARE_TEXT characters a request.
    const share = { type: 'getDictionary', corpora: 'public', text: 'Maryam Rajavi' };
    expect(parseRequest(backgroundMessages, share)).toEqual({ type: 'getDictionary', request: share });
    expect(parseRequest(backgroundMessages, { ...share, text: 'x'.repeat(MAX_SHARE_TEXT + 1) })).toEqual({
      error: expect.stringMatching(/^Invalid "getDictionary" message: text/),
    });
    expect(parseRequest(backgroundMessages, { type: 'getDictionary', corpora: 'public' })).toEqual({
      error: expect.stringMatching(/^Invalid "getDictionary" message: text/),
    });
  });
});

describe('createMessageListener', () => {
  const self = { id: 'self' };
  const listen = createMessageListener(backgroundMessages, {
    ping: () => ({ context: 'background' as const, version: '1' }),
    getCorpusSummary: () => {
      throw new Error('store unreadable');
    },
  } as never);

  it('replies with the handler result', async () => {
    expect(await listen({ type: 'ping' }, self)).toEqual({ ok: true, data: { context: 'background', version: '1' } });
  });

  it('turns a throwing handler into an error reply', async () => {
    expect(await listen({ type: 'getCorpusSummary' }, self)).toEqual({ ok: false, error: 'store unreadable' });
  });

  it('refuses messages from other extensions', async () => {
    expect(await listen({ type: 'ping' }, { id: 'someone-else' })).toEqual({
      ok: false,
      error: expect.stringMatching(/this extension only/),
    });
  });
});
