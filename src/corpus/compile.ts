// Documents in, a validated-shape corpus pack out: on the calling thread, or in a pool of workers the caller supplies
// (compile-tasks.ts). Pure: no Node, no DOM, so it also runs in the extension.
import { PACK_FORMAT, PACK_VERSION, type CorpusDocument, type CorpusPack } from './pack';
import { documentIdFromName, type DocumentMetadata } from './documents/metadata';
import { buildEntities, type EntityRegistry, type ExtraEntities } from './entities';
import { findTopics } from './topics';
import {
  findDocumentCandidates,
  findDocumentStatements,
  type DocumentCandidates,
  type DocumentStatements,
  type DocumentText,
} from './compile-stages';
import { runInPool, type CompilePool } from './compile-tasks';
import { slugify } from './text';

/** A document to compile: its file name and text (the stored document the viewer shows is `SourceDocument`). */
export interface DocumentInput {
  name: string;
  text: string;
  /** What the document's publisher says of it (a web page's own markup), which wins over what its text suggests. */
  metadata?: Partial<DocumentMetadata>;
}

export interface CompileOptions {
  entities?: ExtraEntities;
  title?: string;
  id?: string;
  now?: Date;
}

const DEFAULT_TITLE = 'Sourcelight corpus';

/** Line ends as "\n" and no byte-order mark, so offsets mean the same on every platform. */
const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function uniqueIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = documentIdFromName(name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** A document with its id and normalised text, and the metadata its publisher gave it. */
interface PreparedDocument extends DocumentText {
  given: Partial<DocumentMetadata>;
}

function prepareDocuments(docs: readonly DocumentInput[]): PreparedDocument[] {
  const ids = uniqueIds(docs.map((d) => d.name));
  return docs.map((doc, i) => ({
    id: ids[i] ?? `doc-${i + 1}`,
    name: doc.name,
    text: normaliseText(doc.text),
    given: Object.fromEntries(Object.entries(doc.metadata ?? {}).filter(([, value]) => value)),
  }));
}

/** The pack from every document's two stages, merged in document order. */
function assemblePack(
  docs: readonly PreparedDocument[],
  candidates: readonly DocumentCandidates[],
  registry: EntityRegistry,
  found: readonly DocumentStatements[],
  options: CompileOptions,
): CorpusPack {
  const documents: CorpusDocument[] = docs.map(({ id, name, text, given }, i) => ({
    id,
    ...(candidates[i]?.metadata ?? { title: name }),
    ...given,
    text,
  }));
  const mentions = found.flatMap((f) => f.mentions);
  // Each person's description is the first the documents give, in document order.
  const descriptions = new Map<string, string>();
  for (const f of found)
    for (const [id, description] of f.descriptions) if (!descriptions.has(id)) descriptions.set(id, description);

  // Keep entities the documents actually name, and every entity the user supplied.
  const used = new Set<string>([...mentions.map((m) => m.entityId), ...(options.entities ?? []).map((e) => e.name)]);
  const entities = registry.entities
    .filter((e) => used.has(e.id) || used.has(e.name))
    .map((e) =>
      e.description === undefined && descriptions.has(e.id) ? { ...e, description: descriptions.get(e.id) ?? '' } : e,
    );
  const title = options.title ?? DEFAULT_TITLE;
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: options.id ?? slugify(title),
    title,
    createdAt: (options.now ?? new Date()).toISOString(),
    documents,
    entities,
    statements: found.flatMap((f) => f.statements),
    questions: found.flatMap((f) => f.questions),
    mentions,
  };
}

/** Compiles every document on the calling thread. */
export function compilePack(docs: readonly DocumentInput[], options: CompileOptions = {}): CorpusPack {
  const prepared = prepareDocuments(docs);
  const candidates = prepared.map(findDocumentCandidates);
  const topics = findTopics(prepared.map((d) => d.text));
  const registry = buildEntities(
    candidates.map((c) => c.names),
    topics,
    options.entities,
  );
  const found = prepared.map((doc, i) => findDocumentStatements(doc, candidates[i]?.questions ?? [], registry));
  return assemblePack(prepared, candidates, registry, found, options);
}

/** Batches a pool is given per worker: a few, so that no worker is left alone with the longest documents. */
const BATCHES_PER_WORKER = 3;

/** Runs of documents in order, about equal in text, as [first, end) indexes: each goes to one worker per stage. */
function batchRanges(docs: readonly DocumentText[], count: number): [number, number][] {
  const total = Math.max(
    1,
    docs.reduce((sum, d) => sum + d.text.length, 0),
  );
  const ranges: [number, number][] = [];
  let before = 0;
  let current = -1;
  docs.forEach((doc, i) => {
    // A document goes to the batch its first character falls in.
    const batch = Math.min(count - 1, Math.floor((before * count) / total));
    const last = ranges.at(-1);
    if (batch === current && last !== undefined) last[1] = i + 1;
    else ranges.push([i, i + 1]);
    current = batch;
    before += doc.text.length;
  });
  return ranges;
}

/**
 * Compiles the documents in a pool of workers: each stage runs on batches of documents at once, and the corpus-wide
 * merge of their entities runs here between the two. Whatever order the batches finish in, their results are merged
 * in document order, so the pack is byte for byte the one `compilePack` makes.
 */
export async function compilePackInParallel(
  docs: readonly DocumentInput[],
  pool: CompilePool,
  options: CompileOptions = {},
): Promise<CorpusPack> {
  const prepared = prepareDocuments(docs);
  const batches = batchRanges(prepared, pool.size * BATCHES_PER_WORKER);
  // The topics are counted over the whole corpus, as one more task beside the documents' first stage.
  const [topics, ...candidateBatches] = await Promise.all([
    runInPool(pool, { kind: 'topics', texts: prepared.map((d) => d.text) }),
    ...batches.map(([from, to]) =>
      runInPool(pool, {
        kind: 'candidates',
        documents: prepared.slice(from, to).map(({ id, name, text }) => ({ id, name, text })),
      }),
    ),
  ]);
  const candidates = candidateBatches.flat();
  const registry = buildEntities(
    candidates.map((c) => c.names),
    topics,
    options.entities,
  );
  const snapshot = { entities: registry.entities, gender: [...registry.gender] };
  const statementBatches = batches.map(([from, to]) =>
    runInPool(pool, {
      kind: 'statements',
      registry: snapshot,
      documents: prepared
        .slice(from, to)
        .map(({ id, text }, i) => ({ id, text, questions: candidates[from + i]?.questions ?? [] })),
    }),
  );
  const found = (await Promise.all(statementBatches)).flat();
  return assemblePack(prepared, candidates, registry, found, options);
}
