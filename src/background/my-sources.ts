import { compilePack, type DocumentInput } from '../corpus/compile';
import type { CorpusPack } from '../corpus/pack';
import type { PageArticle } from '../shared/page-article';
import { storedSource } from '../shared/provenance';
import { hostOf } from '../shared/site';
import { importUserPack, storedPacks, type FitCheck } from './corpus-store';
import { t } from '../shared/i18n';

/**
 * The reader's own corpus, "My sources", which grows as they add the pages they read. Every addition compiles the
 * whole corpus again with the same compiler as any other, so people named across the pages are one person and the
 * new page's quotes are attributed as any document's are. A page is known by the address it was read from (or its
 * canonical address on the same site): adding it again updates it.
 */
export const MY_SOURCES_ID = 'my-sources';

/** A stored document as the compiler's input again, with the metadata it was added with. */
function inputOf(document: CorpusPack['documents'][number]): DocumentInput {
  const { id, text, title, publisher, date, url } = document;
  return { name: id, text, metadata: { title, publisher, date, url } };
}

/** A document name from its address: host and path, which the compiler makes an id of. */
function nameOf(url: string): string {
  return `${hostOf(url)}${new URL(url).pathname}`.replace(/\/+$/, '').slice(0, 150);
}

export async function addPageToSources(
  article: PageArticle,
  fitsOnPages: FitCheck,
): Promise<{
  packId: string;
  documentId: string;
  title: string;
  updated: boolean;
  statements: number;
  people: number;
}> {
  // The address the text was read from decides where it is stored, and so which document it may update: only one
  // from its own site (provenance.ts).
  const { url, publisher } = storedSource(article);
  const stored = (await storedPacks()).find((candidate) => candidate.id === MY_SOURCES_ID)?.pack;
  const kept = (stored?.documents ?? []).filter((document) => document.url !== url).map(inputOf);
  const updated = kept.length < (stored?.documents.length ?? 0);
  const added: DocumentInput = {
    name: nameOf(url),
    text: article.text,
    metadata: { title: article.title, publisher, date: article.published, url },
  };
  const pack = compilePack([...kept, added], { id: MY_SOURCES_ID, title: t('mySourcesTitle') });
  const document = pack.documents.find((candidate) => candidate.url === url);
  if (!document) throw new Error(t('addNotCompiled'));
  await importUserPack(JSON.stringify(pack), fitsOnPages);
  const kindOf = new Map(pack.entities.map((entity) => [entity.id, entity.kind]));
  const people = new Set(
    pack.mentions
      .filter((mention) => mention.documentId === document.id && kindOf.get(mention.entityId) === 'person')
      .map((mention) => mention.entityId),
  );
  return {
    packId: MY_SOURCES_ID,
    documentId: document.id,
    title: document.title,
    updated,
    statements: pack.statements.filter((statement) => statement.documentId === document.id).length,
    people: people.size,
  };
}
