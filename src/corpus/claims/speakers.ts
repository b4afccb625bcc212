// Whether the page and the corpus give a quotation to the same person. Both name speakers by corpus entities (the
// page's highlighter links a name or alias to its entity), so one person under two names is one id; an entity
// that another corpus keeps under another id is the same person when a name of one is a name of the other.
import type { Entity } from '../pack';
import { squash } from '../text';

export type SpeakerComparison =
  /** The corpus gives the words to the person the page names. */
  | 'same-person'
  /** The corpus gives these words to someone else: a fact about the sources, shown with them. */
  | 'someone-else'
  /** The corpus has the words but does not say who said them. */
  | 'corpus-does-not-say'
  /** The page does not say who said them. */
  | 'page-does-not-say';

type Speaker = Pick<Entity, 'id' | 'name' | 'aliases'>;

const namesOf = (speaker: Speaker): Set<string> => new Set([speaker.name, ...speaker.aliases].map(squash));

export function compareSpeakers(page: Speaker | null, corpus: Speaker | null): SpeakerComparison {
  if (page === null) return 'page-does-not-say';
  if (corpus === null) return 'corpus-does-not-say';
  if (page.id === corpus.id) return 'same-person';
  const corpusNames = namesOf(corpus);
  return [...namesOf(page)].some((name) => corpusNames.has(name)) ? 'same-person' : 'someone-else';
}
