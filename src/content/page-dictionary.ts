import { DICTIONARY_VERSION, MAX_SHARE_TEXT, type Dictionary } from '../shared/dictionary';
import type { EntityKind } from '../shared/entity-kind';
import { passOverRuns } from './highlighter';
import { openMatcher, widenMatcher, type CompiledMatcher } from './matcher';
import { readTextRun } from './text-range';

/**
 * The page holds only its share of a dictionary: the lines its own text can match (`background/dictionary-share.ts`),
 * never the whole, which at 200,000 entities was a 21.6 MB reply kept by every tab. Before a pass matches text, the
 * text is read and sent to the background, and the lines it can match are added to the matcher: the first pass's
 * page, then what the page adds (`observer.ts`) and what claim check reads. The names found are those the whole
 * dictionary would find.
 */

/** What a part repeats of the text before it, more than any name: a name cut between two parts is whole in one. */
const OVERLAP = 1_000;

/** A matcher with no lines yet, which `learn` widens with the share `ask` answers for a text. */
export function pageMatcher(
  ask: (text: string) => Promise<Dictionary>,
  kinds: ReadonlySet<EntityKind>,
  hidden: ReadonlySet<string>,
): CompiledMatcher {
  const matcher = openMatcher({ version: DICTIONARY_VERSION, lines: '', terms: 0, variants: '' }, kinds, hidden);
  matcher.learn = async (text) => {
    const parts = [];
    for (let at = 0; at === 0 || at < text.length - OVERLAP; at += MAX_SHARE_TEXT - OVERLAP)
      parts.push(ask(text.slice(at, at + MAX_SHARE_TEXT)));
    for (const share of await Promise.all(parts)) widenMatcher(matcher, share);
  };
  return matcher;
}

/**
 * Reads the runs of text under `roots` as a pass will (through the marks made, for a pass that reads them), and
 * widens the matcher's share with what they can match.
 */
export async function learnRuns(
  roots: readonly Element[],
  matcher: CompiledMatcher,
  signal?: AbortSignal,
  readsMarks = false,
): Promise<void> {
  if (!matcher.learn) return;
  const texts: string[] = [];
  await passOverRuns(roots, { readsMarks, workFor: (nodes) => void texts.push(readTextRun(nodes).text) }, { signal });
  await matcher.learn(texts.join('\n'));
}
