import type { PassageSource } from '../entity-card';

/** The source viewer's address for a passage: the extension page that shows the whole document. */
export function viewerPath(source: Pick<PassageSource, 'packId' | 'documentId' | 'start' | 'end'>): string {
  const params = new URLSearchParams({
    pack: source.packId,
    doc: source.documentId,
    start: String(source.start),
    end: String(source.end),
  });
  return `src/viewer/viewer.html?${params.toString()}`;
}

/** The address of an entity's own page: everything the corpus holds about a person or a body, with its timeline. */
export function entityPagePath(entityId: string): string {
  return `src/person/person.html?${new URLSearchParams({ entity: entityId }).toString()}`;
}

/**
 * A link to the original page that scrolls to the passage with a text fragment (`#:~:text=`), where the
 * document has a URL. Uses "start,end" words so a long passage still matches.
 */
export function originalLink(url: string | undefined, passage: string): string | null {
  if (!url) return null;
  const words = passage.replace(/\s+/g, ' ').trim().split(' ');
  const encode = (text: string): string =>
    encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const fragment =
    words.length <= 8
      ? encode(words.join(' '))
      : `${encode(words.slice(0, 4).join(' '))},${encode(words.slice(-4).join(' '))}`;
  const base = url.split('#')[0] ?? url;
  return `${base}#:~:text=${fragment}`;
}
