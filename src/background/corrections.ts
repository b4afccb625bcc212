import type { Runtime } from 'webextension-polyfill';
import type { CorpusPack, Entity } from '../corpus/pack';
import { onCorrectionsChange } from '../shared/corrections-change';
import { correctionLookup, correctionView, hiddenEntityIds, type CorrectionLookup } from '../shared/correction-lookup';
import {
  correctionId,
  entityRefOf,
  mergeCorrections,
  speakerCorrectionOf,
  type Correction,
} from '../shared/corrections';
import { loadCorrections, saveCorrections } from '../shared/corrections-store';
import type { Handlers } from '../shared/message-protocol';
import type { backgroundMessages } from '../shared/messages';
import { siteOf } from '../shared/site';
import { activePacks, corpusGeneration, enabledPacksOf, storedPacks } from './corpus-store';
import { searchCurrentCorpus } from './derived-data';
import { t } from '../shared/i18n';

/**
 * The reader's corrections in the background, their one writer: made from a card, undone and imported from the
 * options page, and read by whatever shows a statement or gives a page its names. Writes take turns, each reading
 * what is stored afresh, so two made at once both stay.
 */
type Handler<K extends keyof typeof backgroundMessages> = Handlers<typeof backgroundMessages>[K];

let cached: Promise<Correction[]> | undefined;
/** Bumped on every change, so that what is derived from the corrections (a site's hidden ids) is derived again. */
let revision = 0;
onCorrectionsChange(() => {
  cached = undefined;
  revision++;
});

/** The stored corrections; unreadable ones are an error, which the options page shows and no write overwrites. */
function storedCorrections(): Promise<Correction[]> {
  cached ??= loadCorrections().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** For what shows the corpus: corrections that cannot be read are left out, rather than cards and pages failing. */
async function correctionsToApply(): Promise<Correction[]> {
  return storedCorrections().catch((error: unknown) => {
    console.warn('Sourcelight: the reader’s corrections could not be read', error);
    return [];
  });
}

export async function currentCorrectionLookup(): Promise<CorrectionLookup> {
  return correctionLookup(await correctionsToApply());
}

let writing: Promise<unknown> = Promise.resolve();

function update(change: (corrections: Correction[]) => Correction[]): Promise<Correction[]> {
  const next = writing.then(async () => {
    const changed = change(await loadCorrections());
    await saveCorrections(changed);
    cached = Promise.resolve(changed);
    revision++;
    return changed;
  });
  writing = next.catch(() => undefined);
  return next;
}

const add = (entry: Correction): Promise<Correction[]> => update((stored) => mergeCorrections(stored, [entry]));
const now = (): string => new Date().toISOString();

function findEntity(packs: readonly CorpusPack[], entityId: string): Entity {
  for (const pack of packs) {
    const found = pack.entities.find((entity) => entity.id === entityId);
    if (found) return found;
  }
  throw new Error(t('nameNoLongerInCorpus'));
}

export const getCorrections: Handler<'getCorrections'> = () => storedCorrections();

/** "Not this person" on the card's site, or "Hide everywhere" when `site` is null. */
export const hideEntity: Handler<'hideEntity'> = async ({ entityId, site }) => {
  const entity = entityRefOf(findEntity(await activePacks(), entityId));
  await add(site === null ? { kind: 'mute', entity, at: now() } : { kind: 'unlink', entity, site, at: now() });
  return null;
};

/**
 * "Wrong speaker": the reader names who spoke a statement (null: "speaker not clear"). Naming the speaker the source
 * already gives takes back any correction. The answer is the correction as the card shows it.
 */
export const correctSpeaker: Handler<'correctSpeaker'> = async ({ packId, statementId, speakerId }) => {
  const pack = (await storedPacks()).find((stored) => stored.id === packId)?.pack;
  const statement = pack?.statements.find((candidate) => candidate.id === statementId);
  if (!pack || !statement) throw new Error(t('statementGone'));
  const speaker = speakerId === null ? null : findEntity(await activePacks(), speakerId);
  const entry = speakerCorrectionOf(pack, statement, speaker, now());
  const source = statement.speakerId === null ? null : findEntity([pack], statement.speakerId);
  const view = correctionView(entry, source);
  const id = correctionId(entry);
  await (view ? add(entry) : update((stored) => stored.filter((kept) => correctionId(kept) !== id)));
  return view ?? null;
};

export const removeCorrection: Handler<'removeCorrection'> = async ({ id }) => {
  let removed = false;
  await update((stored) => {
    const kept = stored.filter((entry) => correctionId(entry) !== id);
    removed = kept.length < stored.length;
    return kept;
  });
  return { removed };
};

/** A corrections file the options page read and checked; of two corrections of one thing, the later stays. */
export const importCorrections: Handler<'importCorrections'> = async ({ corrections }) => {
  const before = (await storedCorrections()).length;
  const after = await update((stored) => mergeCorrections(stored, corrections));
  return { received: corrections.length, total: after.length, added: after.length - before };
};

/** Hidden ids per site, for the enabled corpora (built-in and the reader's own) and the corrections as they are now. */
const hiddenCache = new Map<string, string[]>();
let hiddenCacheKey = '';

/** For a page's content script: the entities its site must not link (`hiddenEntityIds`). */
export const getHiddenEntities: Handler<'getHiddenEntities'> = async (_request, sender: Runtime.MessageSender) => {
  const site = sender.url ? siteOf(sender.url) : null;
  const corrections = await correctionsToApply();
  const key = `${corpusGeneration()}:${revision}`;
  if (key !== hiddenCacheKey) {
    hiddenCache.clear();
    hiddenCacheKey = key;
  }
  const siteKey = site ?? '';
  let hidden = hiddenCache.get(siteKey);
  if (hidden === undefined) {
    const packs = await enabledPacksOf('all');
    hidden = hiddenEntityIds(
      corrections,
      site,
      packs.flatMap((pack) => pack.entities),
    );
    hiddenCache.set(siteKey, hidden);
  }
  return hidden;
};

/** Choices a speaker is picked from. */
const CHOICES = 20;
const SPEAKER_KINDS = new Set(['person', 'organisation']);

/**
 * Whom the reader may name as a statement's speaker: with no query, the people and organisations its document names,
 * in the order it names them first (the speaker is most often among them); with one, the corpus's search.
 */
export const speakerChoices: Handler<'speakerChoices'> = async ({ packId, documentId, query }) => {
  if (query.trim() !== '') {
    const found = await searchCurrentCorpus(query, { limitPerGroup: CHOICES });
    return found.groups.flatMap((group) =>
      group.group === 'people' ? group.hits.map(({ id, name, kind }) => ({ id, name, kind })) : [],
    );
  }
  const pack = (await activePacks()).find((candidate) => candidate.id === packId);
  if (!pack) return [];
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const named = new Map<string, { id: string; name: string; kind: Entity['kind'] }>();
  for (const mention of pack.mentions.filter((m) => m.documentId === documentId).sort((a, b) => a.start - b.start)) {
    const entity = entities.get(mention.entityId);
    if (entity && SPEAKER_KINDS.has(entity.kind) && !named.has(entity.id))
      named.set(entity.id, { id: entity.id, name: entity.name, kind: entity.kind });
  }
  return [...named.values()].slice(0, CHOICES);
};
