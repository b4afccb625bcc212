// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '../shared/search-results';
import { createSearchView } from './search-view';

/** An answer with one person named after the query, so each list says which query it answers. */
const answerTo = (query: string): SearchResults => ({
  query,
  groups: [
    {
      group: 'people',
      hits: [
        {
          type: 'entity',
          packId: 'p',
          id: query,
          kind: 'person',
          name: `Person for ${query}`,
          nameHighlights: [],
          statementCount: 0,
          questionCount: 0,
          documentCount: 0,
        },
      ],
      more: { count: 0, atLeast: false },
    },
  ],
});

/** A search whose answers the test gives by hand, in any order. */
function setUp() {
  const pending = new Map<string, (results: SearchResults) => void>();
  const asked: string[] = [];
  const input = document.createElement('input');
  const results = document.createElement('div');
  document.body.append(input, results);
  createSearchView({
    input,
    results,
    hint: document.createElement('p'),
    status: document.createElement('p'),
    search: (query) => {
      asked.push(query);
      return new Promise((resolve) => pending.set(query, resolve));
    },
    open: () => undefined,
  });
  const type = (text: string): void => {
    input.value += text;
    input.dispatchEvent(new Event('input'));
  };
  const answer = async (query: string): Promise<void> => {
    pending.get(query)?.(answerTo(query));
    await new Promise((done) => setTimeout(done, 0));
  };
  /** With fake timers: answers, from the corpus before its latest change when `outdated`, and lets the view take it. */
  const answerNow = async (query: string, outdated: boolean): Promise<void> => {
    pending.get(query)?.({ ...answerTo(query), outdated });
    await vi.advanceTimersByTimeAsync(0);
  };
  const shown = () => ({
    query: results.dataset.query,
    names: [...results.querySelectorAll('[role="option"] .title')].map((title) => title.textContent),
  });
  return { type, answer, answerNow, shown, asked };
}

describe('the popup search list', () => {
  beforeEach(() => document.body.replaceChildren());

  it("shows an earlier keystroke's answer that comes while the reader types on, then the newer one", async () => {
    const { type, answer, shown } = setUp();
    type('r');
    type('a');
    type('j');
    await answer('r');
    expect(shown()).toEqual({ query: 'r', names: ['Person for r'] });
    await answer('raj');
    expect(shown()).toEqual({ query: 'raj', names: ['Person for raj'] });
  });

  it('asks again, unasked, while the answer is from the corpus before its latest change, and then stops', async () => {
    vi.useFakeTimers();
    try {
      const { type, answerNow, shown, asked } = setUp();
      type('never');
      await answerNow('never', true);
      expect(shown()).toEqual({ query: 'never', names: ['Person for never'] });
      await vi.advanceTimersByTimeAsync(500);
      expect(asked).toEqual(['never', 'never']);
      await answerNow('never', false);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(asked).toEqual(['never', 'never']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never goes back to an older answer that comes after a newer one', async () => {
    const { type, answer, shown } = setUp();
    type('r');
    type('a');
    await answer('ra');
    await answer('r');
    expect(shown()).toEqual({ query: 'ra', names: ['Person for ra'] });
  });
});
