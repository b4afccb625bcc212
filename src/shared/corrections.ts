import { z } from 'zod';
import { isSameEntity } from './same-entity';
import { PACK_LIMITS, type CorpusPack, type Entity, type Statement } from '../corpus/pack';
import { entityKind } from './entity-kind';
import { foldedWords } from './text-fold';
import { t } from './i18n';

/**
 * The reader's own corrections: a link that is wrong on one site, an entity never to highlight, a statement given to
 * the wrong speaker. They are kept apart from the packs (corrections-store.ts), so they are keyed by what a rebuild, a
 * re-import or a subscription's update of a corpus keeps, never by an array index or a statement id:
 *
 * - an entity by its id and its names: the compiler derives an id from the full name, so a rebuild that finds a fuller
 *   name changes the id but keeps the old name among the aliases (`isSameEntity`);
 * - a statement by its corpus, its document and its words folded (`textKey`): statement ids are numbered in document
 *   order, so a quote found earlier in the document renumbers the rest, and offsets move with a document's
 *   whitespace. The same words twice in one document (a pull quote) are one statement for a correction.
 */

const id = z.string().min(1).max(PACK_LIMITS.idLength);
const name = z.string().min(1).max(PACK_LIMITS.nameLength);

/** An entity as a correction remembers it. */
export const entityRef = z.object({
  id,
  kind: entityKind,
  name,
  aliases: z.array(name).max(PACK_LIMITS.aliasesPerEntity),
});
export type EntityRef = z.infer<typeof entityRef>;

export const entityRefOf = ({ id, kind, name, aliases }: Entity): EntityRef => ({ id, kind, name, aliases });

/** Whether a correction's entity is this entity of the current corpora. */
export const isEntity = (ref: EntityRef, entity: Pick<Entity, 'id' | 'kind' | 'name' | 'aliases'>): boolean =>
  ref.kind === entity.kind && isSameEntity(ref, entity);

/** Sixteen hex digits: a 64-bit hash of a statement's words. */
const textKeyPattern = /^[0-9a-f]{16}$/;

/** 64-bit FNV-1a's prime is 2^40 + 0x1b3. */
const FNV_PRIME_LOW = 0x1b3;
const hex4 = (limb: number): string => limb.toString(16).padStart(4, '0');

/**
 * A statement's words, folded (case, accents, punctuation and spacing dropped) and joined by spaces, hashed with
 * 64-bit FNV-1a over their UTF-16 units: the same for the same words whatever quote marks, line breaks or trailing
 * ellipsis a rebuild gives them. The 64 bits are kept in four 16-bit limbs, as BigInt arithmetic allocated a number
 * per character, and the search computes a key for every statement it shows.
 */
export function textKey(text: string): string {
  // 64-bit FNV-1a's offset basis, 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mix = (unit: number): void => {
    h0 ^= unit;
    // h × (2^40 + 0x1b3) mod 2^64: the product by 0x1b3 limb by limb, plus h shifted up by 40 bits (2.5 limbs).
    const t0 = h0 * FNV_PRIME_LOW;
    const t1 = h1 * FNV_PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * FNV_PRIME_LOW + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * FNV_PRIME_LOW + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  foldedWords(text).forEach(({ word }, i) => {
    if (i > 0) mix(0x20);
    for (let k = 0; k < word.length; k++) mix(word.charCodeAt(k));
  });
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

export const statementRef = z.object({
  packId: id,
  documentId: id,
  textKey: z.string().regex(textKeyPattern, 'expected 16 hexadecimal digits'),
});
export type StatementRef = z.infer<typeof statementRef>;

/** The longest excerpt of a statement a correction keeps, to show the reader which one it was. */
export const CORRECTION_EXCERPT = 200;
const at = z.string().datetime();

export const correction = z.discriminatedUnion('kind', [
  /** "Not this person": the entity is not linked on this site (a host, as the site switches name it). */
  z.object({ kind: z.literal('unlink'), entity: entityRef, site: z.string().min(1).max(253), at }),
  /** "Hide everywhere": the entity is never highlighted. */
  z.object({ kind: z.literal('mute'), entity: entityRef, at }),
  /** "Wrong speaker": the reader names who spoke the words, or null for "speaker not clear". */
  z.object({
    kind: z.literal('speaker'),
    statement: statementRef,
    speaker: entityRef.nullable(),
    /** Whom the source's text gave the words to when the reader corrected it; null when it named nobody. */
    sourceSpeaker: entityRef.nullable(),
    excerpt: z.string().max(CORRECTION_EXCERPT + 2),
    documentTitle: z.string().max(PACK_LIMITS.titleLength),
    at,
  }),
]);
export type Correction = z.infer<typeof correction>;
export type SpeakerCorrection = Extract<Correction, { kind: 'speaker' }>;
export type EntityCorrection = Extract<Correction, { kind: 'unlink' | 'mute' }>;

/**
 * The reader's "Wrong speaker" for a statement of a pack: who spoke it (null: "speaker not clear"), kept by its key
 * with whom the source gave it to and enough of it to show in a list.
 */
export function speakerCorrectionOf(
  pack: CorpusPack,
  statement: Statement,
  speaker: Entity | null,
  at: string,
): SpeakerCorrection {
  const source = statement.speakerId === null ? undefined : pack.entities.find((e) => e.id === statement.speakerId);
  const { text } = statement;
  return {
    kind: 'speaker',
    statement: { packId: pack.id, documentId: statement.documentId, textKey: textKey(text) },
    speaker: speaker && entityRefOf(speaker),
    sourceSpeaker: source ? entityRefOf(source) : null,
    excerpt: text.length > CORRECTION_EXCERPT ? `${text.slice(0, CORRECTION_EXCERPT)} …` : text,
    documentTitle: pack.documents.find((d) => d.id === statement.documentId)?.title ?? statement.documentId,
    at,
  };
}

/** More than a reader makes by hand; it bounds what storage and a message carry. */
export const MAX_CORRECTIONS = 10_000;

export const CORRECTIONS_FORMAT = 'sourcelight-corrections';
export const CORRECTIONS_VERSION = 1;

/** The reader's corrections as stored and as a file: every one, each at most once (`correctionId`). */
export const correctionsFile = z.object({
  format: z.literal(CORRECTIONS_FORMAT),
  version: z.literal(CORRECTIONS_VERSION),
  corrections: z
    .array(correction)
    .max(MAX_CORRECTIONS, `at most ${MAX_CORRECTIONS.toLocaleString('en')} corrections`)
    .refine((list) => new Set(list.map(correctionId)).size === list.length, 'a correction is given twice'),
});
export type CorrectionsFile = z.infer<typeof correctionsFile>;

/** What the correction is about: a later correction of the same thing replaces it. */
export function correctionId(correction: Correction): string {
  switch (correction.kind) {
    case 'unlink':
      return `unlink\n${correction.site}\n${correction.entity.id}`;
    case 'mute':
      return `mute\n${correction.entity.id}`;
    case 'speaker': {
      const { packId, documentId, textKey } = correction.statement;
      return `speaker\n${packId}\n${documentId}\n${textKey}`;
    }
  }
}

export const correctionsFileOf = (corrections: Correction[]): CorrectionsFile => ({
  format: CORRECTIONS_FORMAT,
  version: CORRECTIONS_VERSION,
  corrections,
});

/** Adds corrections to the stored ones; of two about the same thing, the later one stays. */
export function mergeCorrections(stored: readonly Correction[], added: readonly Correction[]): Correction[] {
  const byId = new Map(stored.map((entry) => [correctionId(entry), entry]));
  for (const entry of added) {
    const key = correctionId(entry);
    const kept = byId.get(key);
    if (kept === undefined || kept.at <= entry.at) {
      // Re-inserted, so that the list stays in the order the corrections were made.
      byId.delete(key);
      byId.set(key, entry);
    }
  }
  if (byId.size > MAX_CORRECTIONS) throw new Error(t('correctionsTooMany', MAX_CORRECTIONS));
  return [...byId.values()];
}

/** Reads a corrections file the reader chose; the error says what is wrong with it, by path. */
export function parseCorrectionsFile(
  json: unknown,
): { ok: true; file: CorrectionsFile } | { ok: false; error: string } {
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof json !== 'object' || json === null || format !== CORRECTIONS_FORMAT)
    return {
      ok: false,
      error: `this is not a Sourcelight corrections file: its "format" is not "${CORRECTIONS_FORMAT}"`,
    };
  const version = (json as { version?: unknown }).version;
  if (version !== CORRECTIONS_VERSION)
    return {
      ok: false,
      error: `this corrections file is version ${JSON.stringify(version ?? null).slice(0, 20)}; Sourcelight reads version ${CORRECTIONS_VERSION}`,
    };
  const parsed = correctionsFile.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  return { ok: false, error: `invalid corrections file: ${problems.join('; ')}` };
}

/**
 * How a view shows a statement the reader corrected: the speaker they named (null: "speaker not clear"), and whom the
 * source's text gives it to (null: nobody), so the original stays visible. `id` undoes it.
 */
export const speakerCorrectionView = z.object({
  id: z.string(),
  speakerId: z.string().nullable(),
  speakerName: z.string().nullable(),
  sourceSpeakerName: z.string().nullable(),
});
export type SpeakerCorrectionView = z.infer<typeof speakerCorrectionView>;
