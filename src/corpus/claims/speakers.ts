// Whether the page and the corpus give a quotation to the same person. Both name speakers by corpus entities (the
// page's highlighter links a name or alias to its entity), so one person under two names is one id; an entity
// that another corpus keeps under another id is the same person when a name of one is a name of the other.
import { isSameEntity, type NamedEntity } from '../../shared/same-entity';

export type SpeakerComparison =
  /** The corpus gives the words to the person the page names. */
  | 'same-person'
  /** The corpus gives these words to someone else: a fact about the sources, shown with them. */
  | 'someone-else'
  /** The corpus has the words but does not say who said them. */
  | 'corpus-does-not-say'
  /** The page does not say who said them. */
  | 'page-does-not-say';

export function compareSpeakers(page: NamedEntity | null, corpus: NamedEntity | null): SpeakerComparison {
  if (page === null) return 'page-does-not-say';
  if (corpus === null) return 'corpus-does-not-say';
  return isSameEntity(page, corpus) ? 'same-person' : 'someone-else';
}
