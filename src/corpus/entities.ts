// Merges the candidate names of all documents into one entity per person, body and place, with stable ids.
import { nameSkeleton } from '../shared/name-skeleton';
import { sameBodyPairs } from './body-variants';
import { z } from 'zod';
import type { Entity } from './pack';
import { entityKind, type EntityKind } from '../shared/entity-kind';
import type { ClippedName, Gender, NameCandidates, PersonCandidate } from './names';
import { isOrganisationWord } from './names';
import { HONORIFICS, LEGAL_FORMS, NAME_PARTICLES, NOT_NAME_WORDS, PLACES, REGNAL_TITLES } from './lexicon';
import { slugify, squash } from './text';
import { isAcronym, tokenize } from './tokens';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  fullStop: /\./g,
  /** "al-Bashir": the name after an Arabic particle glued to it (group 1). */
  afterArabicParticle: /^(?:al|el|bin|ibn|abu)-(.+)$/u,
  /** "M" or "M.": an initial. */
  initial: /^\p{Lu}\.?$/u,
  leadingThe: /^the\s+/i,
  /** Where a person's name ends before a style or a peerage: ", Duchess of …", " of Liverpool". */
  nameEnd: /,|\s+of\s/,
  whitespace: /\s+/,
  /** Where a name splits into the words its initials come from: spaces, and a hyphen before a capital. */
  initialsWordBreak: /\s+|-(?=\p{Lu})/u,
  capitalFirst: /^\p{Lu}/u,
  /** "Apex Co.", "Apex, Inc": a company's name (group 1) before its legal form. */
  legalSuffix: new RegExp(`^(\\p{Lu}.*?)[\\s,]+(?:${LEGAL_FORMS.join('|')})\\.?$`, 'u'),
  curlyApostrophe: /’/g,
  possessiveS: /'s$/,
  possessiveWord: /['’]s$/u,
  finalStop: /\.$/,
  /** Titles and "of", which are not words of a surname ("Lord Alton of Liverpool"). */
  titleOrOf: new RegExp(`^(?:${[...HONORIFICS].map((t) => t[0]?.toUpperCase() + t.slice(1)).join('|')}|of)$`),
} as const;

/** Extra knowledge a user may supply (`--entities`): descriptions and aliases, merged by name. */
export const extraEntities = z.array(
  z.object({
    kind: entityKind,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().optional(),
  }),
);
export type ExtraEntities = z.infer<typeof extraEntities>;

export interface AliasEntry {
  words: string[];
  entityId: string;
  acronym: boolean;
  commaAfter?: number;
  /**
   * The alias's first word is written with a possessive ("Hallam’s Analytics"), which the text writes too. Only a first
   * word's: later, a possessive names an owner before the body ("Norland’s Department of Ports").
   */
  possessiveFirst?: boolean;
  /** Words of the alias an "&" follows ("Research" in "Kestrel Research & Associates"), which the text writes too. */
  ampersandAfter?: number[];
}

export interface EntityRegistry {
  entities: Entity[];
  /**
   * Every alias by its first two word keys (see `aliasKey`), for the mention finder. `acronym`: the alias is one word
   * in capitals ("NCRI", "ON"), found only in capitals ("On Monday" is no body). `commaAfter`: the word a comma
   * follows in the alias ("Ann, Duchess of Eld"), which the text writes too.
   */
  aliases: Map<string, AliasEntry[]>;
  /** People by each proper suffix of their name ("rajavi", "pourmohammadi"), for a surname used alone. */
  surnames: Map<string, string[]>;
  /** People by their given name ("stephen"), for a given name used alone after the full name. */
  givenNames: Map<string, string[]>;
  gender: Map<string, Gender>;
  /** Each entity's kind by id, for every document's mentions and attribution. */
  kinds: ReadonlyMap<string, EntityKind>;
  /** Each person's first word by id ("Ada" for "Ada Harrow"), whose sex a common given name tells. */
  firstNames: ReadonlyMap<string, string>;
  /**
   * Each person's given name and surname by id, as skeletons (`nameSkeleton`): ["philip", "duranci"] for "Phillip
   * Dorrance", ["kathirini"] for "Catherine, Duchess of Eld", for a lone name written in another spelling.
   */
  nameWordSkeletons: ReadonlyMap<string, readonly string[]>;
  /** Each body's head noun by id ("church" for the "Eldmoor Free Church", "ministry" for the "Ministry of Health"). */
  bodyHeads: ReadonlyMap<string, string>;
  /** Each body's first words by id, of its name and aliases ("allied" for "Allied Freight"). */
  bodyFirstWords: ReadonlyMap<string, ReadonlySet<string>>;
}

interface PersonGroup {
  key: string;
  surfaces: Map<string, number>;
  titledNames: Set<string>;
  /** Lone names shown to be a person's by what they own ("Rouhani"), for a group with no title to name it by. */
  loneNames: Set<string>;
  genders: Set<Gender>;
  /** Offices the text writes before the person's full name ("president"). */
  offices: Set<string>;
  titleOnly: boolean;
}

const MIN_ACRONYM_COUNT = 2;
/** "U.N." is "UN". */
const undotted = (acronym: string): string => acronym.replace(REGEXPS.fullStop, '');

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** The most used form; ties go to the longer, then the alphabetically first, so ids never depend on order. */
function preferredForm(counts: ReadonlyMap<string, number>): string {
  return (
    [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
    )[0]?.[0] ?? ''
  );
}

/** Squashed suffixes of a name at word boundaries, without the whole name: "Ali Akbar Rafsanjani" -> ["akbarrafsanjani", "rafsanjani"]. */
export function surnameKeys(nameTokens: readonly string[]): string[] {
  const tokens = nameTokens.filter((t) => !isInitial(t));
  const keys: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    keys.push(squash(tokens.slice(i).join('')));
    // "Mr Bashir" for "Omar Hassan al-Bashir", "Laden" for "Osama bin Laden": the surname without its particle.
    const particle = REGEXPS.afterArabicParticle.exec(tokens[i] ?? '')?.[1];
    if (particle !== undefined) keys.push(squash([particle, ...tokens.slice(i + 1)].join('')));
  }
  return keys;
}

/** "M" or "M." in "Robert M. Smith": an initial, left out of the key so that "Sam J. Okafor" is "Sam Okafor". */
const isInitial = (token: string): boolean => REGEXPS.initial.test(token);
/** One key for every spelling of a full name whose words all agree but for transliteration (`nameSkeleton`). */
const personKey = (nameTokens: readonly string[]): string =>
  nameSkeleton(nameTokens.filter((t) => !isInitial(t)).join(' ')).join('');

/** People named in the documents, one group per person; `documents` holds each document's candidates. */
function groupPeople(documents: readonly (readonly PersonCandidate[])[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  const groupFor = (key: string, titleOnly: boolean): PersonGroup => {
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        key,
        surfaces: new Map(),
        titledNames: new Set(),
        loneNames: new Set(),
        genders: new Set(),
        offices: new Set(),
        titleOnly,
      };
      groups.set(key, group);
    }
    return group;
  };
  const candidates = documents.flat();
  const full = candidates.filter((c) => c.nameTokens.length > 1);
  for (const c of full) if (c.evident) groupFor(personKey(c.nameTokens), false);
  for (const c of full) {
    const group = groups.get(personKey(c.nameTokens));
    if (group === undefined) continue;
    bump(group.surfaces, c.nameTokens.join(' '));
    if (c.gender) group.genders.add(c.gender);
    if (c.office !== undefined) group.offices.add(c.office);
  }
  const bySurname = new Map<string, PersonGroup[]>();
  for (const group of groups.values()) {
    const tokens = preferredForm(group.surfaces).split(' ');
    for (const key of surnameKeys(tokens)) {
      const list = bySurname.get(key);
      if (list === undefined) bySurname.set(key, [group]);
      else list.push(group);
    }
  }
  // "Di Stefano" after "Marco Di Stefano", "Red Hawk" after "Ann Red Hawk": a two-word surname of one longer name
  // is that person's, not a full name of its own.
  // So is "De Vane" after "Bill DeVane": a surname that starts with its particle, spaced or glued.
  for (const group of [...groups.values()]) {
    const tokens = preferredForm(group.surfaces).split(' ');
    const particleFirst = NAME_PARTICLES.has((tokens[0] ?? '').toLowerCase());
    const longer =
      bySurname
        .get(squash(tokens.join('')))
        ?.filter((g) => g !== group && (particleFirst || preferredForm(g.surfaces).split(' ').length > 2)) ?? [];
    const [only] = longer;
    if (tokens.length !== 2 || longer.length !== 1 || only === undefined) continue;
    for (const [form, n] of group.surfaces) only.surfaces.set(form, (only.surfaces.get(form) ?? 0) - n);
    for (const g of group.genders) only.genders.add(g);
    groups.delete(group.key);
  }
  // Two-word names by their first word, for "Mr. Xi" (see surnameFirst): built once, not per titled name.
  const byFirstWord = new Map<string, PersonGroup[]>();
  for (const group of groups.values()) {
    const tokens = preferredForm(group.surfaces).split(' ');
    if (group.titleOnly || tokens.length !== 2) continue;
    const key = squash(tokens[0] ?? '');
    byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), group]);
  }
  documents.forEach((people) => {
    // Given names of the people this document names in full: "Peter" after "Peter Novak" is no new person.
    const givenNames = new Set(people.filter((c) => c.nameTokens.length > 1).map((c) => squash(c.nameTokens[0] ?? '')));
    for (const c of people) {
      if (c.nameTokens.length !== 1) continue;
      const surname = squash(c.nameTokens[0] ?? '');
      // A title tells the sex: "Ms. Okafor" is not Peter Okafor, and "Mr. Okafor" is not Ann Okafor.
      const fits = (g: PersonGroup): boolean =>
        c.gender === undefined || !g.genders.has(c.gender === 'female' ? 'male' : 'female');
      const sharing = (bySurname.get(surname) ?? []).filter((g) => groups.has(g.key));
      const matches = byOffice(sharing.filter(fits), c);
      const [only] = matches;
      let group: PersonGroup | undefined;
      if (matches.length === 1 && only !== undefined) group = only;
      // A titled surname nobody else carries is a person of its own ("Lord Dholakia").
      // So is a lone name that owns what only a person has ("Rouhani’s tenure"), unless it is a given name here.
      // So is a given name alone that the text introduces as a person's ("Maya, 34, a nurse"), unless somebody named
      // here in full bears it.
      else if (
        sharing.length === 0 &&
        (c.titledName !== undefined || ((c.owner === true || c.givenNameOnly === true) && !givenNames.has(surname)))
      ) {
        group = surnameFirst(byFirstWord, c, surname) ?? groupFor(`titled:${surname}`, true);
      }
      if (group === undefined) continue;
      if (c.titledName !== undefined) group.titledNames.add(c.titledName);
      if (c.owner === true || c.givenNameOnly === true) group.loneNames.add(c.nameTokens[0] ?? '');
      if (c.gender) group.genders.add(c.gender);
    }
  });
  return [...groups.values()];
}

/**
 * "President Okafor" where the corpus names two Okafors: the one it writes as "President Peter Okafor", when no other
 * of them holds that office in its text. Otherwise all of them, and the name stays ambiguous.
 */
function byOffice(groups: PersonGroup[], candidate: PersonCandidate): PersonGroup[] {
  const office = candidate.titledName?.split(' ')[0]?.toLowerCase();
  if (groups.length < 2 || office === undefined) return groups;
  const holders = groups.filter((g) => g.offices.has(office));
  return holders.length === 1 ? holders : groups;
}

/**
 * "Mr. Zhou" for "Zhou Lan": a titled name that is no one's surname but the first word of exactly one two-word name
 * is that person, whose family name comes first.
 */
function surnameFirst(
  byFirstWord: ReadonlyMap<string, PersonGroup[]>,
  c: PersonCandidate,
  name: string,
): PersonGroup | undefined {
  // "Prince Osric" is a given name after a title, never a family name written first.
  const title = c.titledName?.split(' ')[0]?.toLowerCase() ?? '';
  if (c.titledName === undefined || c.owner === true || REGNAL_TITLES.has(title)) return undefined;
  const matches = byFirstWord.get(name) ?? [];
  return matches.length === 1 ? matches[0] : undefined;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root) ?? root;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const orgKey = (name: string): string => squash(name.replace(REGEXPS.leadingThe, ''));

/** Words an acronym leaves out ("Council of Europe" is "CE", not "COE"). */
const INITIALS_SKIPPED = new Set(['of', 'the', 'for', 'and', '&']);

/** "X of the Y Parliament": a trailing phrase that places a body inside another body. */
const PLACING_WORDS = new Set(['of', 'in', 'at']);

/**
 * "British Committee for Iran Freedom of the UK Parliament" is the "British Committee for Iran Freedom" placed in
 * a parliament: one body, named by the shorter form. Only when the shorter form also occurs on its own and the
 * trailing phrase names a body ("of the UK Parliament"), so "Supreme Court of Iran" stays apart from a "Supreme Court".
 * Returns the keys of the longer forms.
 */
function mergePlacedBodies(orgCounts: ReadonlyMap<string, ReadonlyMap<string, number>>, forms: UnionFind): Set<string> {
  const placed = new Set<string>();
  for (const [key, counts] of orgCounts) {
    for (const form of counts.keys()) {
      const words = form.split(REGEXPS.whitespace);
      for (let i = 2; i < words.length - 1; i++) {
        if (!PLACING_WORDS.has(words[i] ?? '')) continue;
        const shorter = orgKey(words.slice(0, i).join(' '));
        const tail = words.slice(words[i + 1] === 'the' ? i + 2 : i + 1);
        if (shorter === key || !orgCounts.has(shorter) || !tail.some(isOrganisationWord)) continue;
        forms.union(shorter, key);
        placed.add(key);
        break;
      }
    }
  }
  return placed;
}

/** "United Nations" -> "UN"; undefined for a one-word name, which no acronym abbreviates. */
export function initialsOf(name: string): string | undefined {
  // "Anglo-French Society" is "AFS": each capitalised part of a hyphenated word has its initial.
  const words = name
    .replace(REGEXPS.leadingThe, '')
    .split(REGEXPS.initialsWordBreak)
    .filter((w) => w !== '' && !INITIALS_SKIPPED.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => REGEXPS.capitalFirst.test(w))) return undefined;
  return words
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * "UN" and "United Nations" are one body even where the text never writes "United Nations (UN)": an acronym
 * joins the multi-word name whose initials it spells, but only when exactly one body in the corpus has those
 * initials, the acronym is no place ("UK") or plain word in capitals ("THE"), and no written definition
 * already ties it to another body.
 */
function mergeAcronymsByInitials(
  acronymCounts: ReadonlyMap<string, number>,
  orgCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  forms: UnionFind,
  expansions: Set<string>,
  count: (name: string) => void,
): void {
  const byInitials = new Map<string, Map<string, string>>();
  for (const [key, counts] of orgCounts) {
    for (const form of counts.keys()) {
      const initials = initialsOf(form);
      if (initials === undefined || initials.length < 2 || initials.length > 6) continue;
      const roots = byInitials.get(initials) ?? new Map<string, string>();
      roots.set(forms.find(key), key);
      byInitials.set(initials, roots);
    }
  }
  // Merging below only hangs undefined acronyms under other roots, so the defined bodies' roots stay roots.
  const definedRoots = new Set([...expansions].map((k) => forms.find(k)));
  for (const [acronym, n] of [...acronymCounts].sort((a, b) => a[0].localeCompare(b[0]))) {
    const letters = undotted(acronym);
    if (PLACES.has(letters) || NOT_NAME_WORDS.has(letters.toLowerCase())) continue;
    const roots = byInitials.get(letters);
    if (roots === undefined || roots.size !== 1) continue;
    const [[root, key] = ['', '']] = roots;
    const own = orgKey(acronym);
    if (orgCounts.has(own)) {
      const ownRoot = forms.find(own);
      if (ownRoot === forms.find(root)) continue;
      // Already defined as another body's acronym: the text's own definition wins.
      if (definedRoots.has(ownRoot)) continue;
    } else {
      for (let i = 0; i < n; i++) count(acronym);
    }
    forms.union(root, own);
    expansions.add(key);
  }
}

/**
 * "the Met" joins the "Metropolitan Opera", but only when every document that cuts it short so cuts the same
 * body, and "Met" names no other body of its own.
 */
function mergeClippings(
  clippings: readonly ClippedName[],
  orgCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
  forms: UnionFind,
  count: (name: string) => void,
): void {
  const roots = new Map<string, Set<string>>();
  for (const { clipping, body } of clippings) {
    const bodyRoots = roots.get(clipping) ?? new Set<string>();
    bodyRoots.add(forms.find(orgKey(body)));
    roots.set(clipping, bodyRoots);
  }
  for (const [clipping, bodyRoots] of roots) {
    const [root] = bodyRoots;
    if (bodyRoots.size !== 1 || root === undefined || orgCounts.has(orgKey(clipping))) continue;
    count(clipping);
    forms.union(root, orgKey(clipping));
  }
}

/** A topic as findTopics gives it: its most used form, and the other forms the documents write it in. */
export const topicForms = z.object({ name: z.string(), aliases: z.array(z.string()) });
export type TopicForms = z.infer<typeof topicForms>;

/** "Apex Co." is also written "Apex": a company's name without its legal form. */
function withoutLegalSuffix(name: string): string[] {
  const bare = REGEXPS.legalSuffix.exec(name)?.[1];
  return bare === undefined ? [] : [bare];
}

/** One entity per person, body and place across all documents' candidates, then the topics and the extra entities. */
export function buildEntities(
  candidates: readonly NameCandidates[],
  topics: readonly TopicForms[] = [],
  extra: ExtraEntities = [],
): EntityRegistry {
  const entities: Entity[] = [];
  const gender = new Map<string, Gender>();
  const usedIds = new Set<string>();
  const add = (kind: EntityKind, name: string, aliases: Iterable<string>, description?: string): Entity => {
    const base = `${kind}-${slugify(name)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    const entity: Entity = { id, kind, name, aliases: [...new Set([...aliases].filter((a) => a !== name))].sort() };
    if (description !== undefined) entity.description = description;
    entities.push(entity);
    return entity;
  };

  const people = groupPeople(candidates.map((c) => c.people)).sort((a, b) => a.key.localeCompare(b.key));
  for (const group of people) {
    const titled = [...group.titledNames].sort();
    const name = group.titleOnly
      ? (titled.sort((a, b) => b.length - a.length)[0] ?? [...group.loneNames].sort()[0] ?? group.key)
      : preferredForm(group.surfaces);
    const entity = add('person', name, [...group.surfaces.keys(), ...titled]);
    const [only] = group.genders;
    if (group.genders.size === 1 && only !== undefined) gender.set(entity.id, only);
  }

  const forms = new UnionFind();
  const orgCounts = new Map<string, Map<string, number>>();
  const count = (name: string): void => {
    const key = orgKey(name);
    forms.find(key);
    const counts = orgCounts.get(key) ?? new Map<string, number>();
    bump(counts, name.replace(REGEXPS.leadingThe, ''));
    orgCounts.set(key, counts);
  };
  const acronymCounts = new Map<string, number>();
  const expansions = new Set<string>();
  for (const doc of candidates) {
    for (const org of doc.organisations) count(org.name);
    for (const a of doc.acronyms) bump(acronymCounts, a.name);
    for (const d of doc.definitions) {
      count(d.expansion);
      expansions.add(orgKey(d.expansion));
      for (const acronym of d.acronyms) {
        count(acronym);
        forms.union(orgKey(d.expansion), orgKey(acronym));
      }
    }
  }
  for (const [acronym, n] of acronymCounts) {
    if (n >= MIN_ACRONYM_COUNT && !PLACES.has(undotted(acronym)) && !orgCounts.has(orgKey(acronym))) {
      for (let i = 0; i < n; i++) count(acronym);
    }
  }
  const placed = mergePlacedBodies(orgCounts, forms);
  mergeAcronymsByInitials(acronymCounts, orgCounts, forms, expansions, count);
  mergeClippings(
    candidates.flatMap((c) => c.clippings),
    orgCounts,
    forms,
    count,
  );
  for (const [a, b] of sameBodyPairs([...orgCounts.values()].map(preferredForm))) forms.union(orgKey(a), orgKey(b));
  const orgGroups = new Map<string, Map<string, number>>();
  for (const [key, counts] of orgCounts) {
    const root = forms.find(key);
    const merged = orgGroups.get(root) ?? new Map<string, number>();
    for (const [form, n] of counts) merged.set(form, (merged.get(form) ?? 0) + n);
    orgGroups.set(root, merged);
  }
  for (const counts of [...orgGroups.values()].sort((a, b) => preferredForm(a).localeCompare(preferredForm(b)))) {
    // An acronym's expansion is the clearer name ("National Council of Resistance of Iran", not "NCRI").
    const expanded = new Map([...counts].filter(([form]) => expansions.has(orgKey(form))));
    // The body's own name, not where it sits ("British Committee for Iran Freedom", not "... of the UK Parliament").
    const unplaced = new Map([...counts].filter(([form]) => !placed.has(orgKey(form))));
    add(
      'organisation',
      preferredForm(expanded.size > 0 ? expanded : unplaced.size > 0 ? unplaced : counts),
      [...counts.keys()].flatMap((form) => [form, ...withoutLegalSuffix(form)]),
    );
  }

  const places = new Set(candidates.flatMap((c) => c.places.map((p) => p.name)));
  for (const place of [...places].sort()) add('place', place, []);
  for (const topic of topics) add('topic', topic.name, topic.aliases);

  for (const item of extra) {
    const keys = new Set([item.name, ...item.aliases].map(squash));
    const existing = entities.find(
      (e) => e.kind === item.kind && [e.name, ...e.aliases].some((a) => keys.has(squash(a))),
    );
    if (existing === undefined) {
      add(item.kind, item.name, item.aliases, item.description);
    } else {
      existing.aliases = [...new Set([...existing.aliases, ...item.aliases])].filter((a) => a !== existing.name).sort();
      if (item.description !== undefined) existing.description = item.description;
    }
  }
  return entityRegistry(entities, gender);
}

/**
 * The registry of merged entities and the people's known sexes, with its indexes: built where the entities are
 * merged, and again from the same two in each worker that finds the documents' mentions (compile-tasks.ts).
 */
export function entityRegistry(entities: Entity[], gender: Map<string, Gender>): EntityRegistry {
  const bodies = entities.filter((e) => e.kind === 'organisation');
  return {
    entities,
    gender,
    kinds: new Map(entities.map((e) => [e.id, e.kind])),
    firstNames: new Map(
      entities.flatMap((e) => (e.kind === 'person' ? [[e.id, e.name.split(REGEXPS.whitespace)[0] ?? '']] : [])),
    ),
    nameWordSkeletons: new Map(
      entities.flatMap((e) => (e.kind === 'person' ? [[e.id, nameWordSkeletonsOf(e.name)]] : [])),
    ),
    bodyHeads: new Map(bodies.map((e) => [e.id, headNoun(e.name)])),
    bodyFirstWords: new Map(
      bodies.map((e) => [
        e.id,
        new Set([e.name, ...e.aliases].map((n) => wordKey(n.split(REGEXPS.whitespace)[0] ?? ''))),
      ]),
    ),
    ...indexAliases(entities),
  };
}

/**
 * The given name and the surname of a person's name, as skeletons: its words before a comma or "of" ("Catherine" of
 * "Catherine, Duchess of Eld"), without titles ("Prince", "Mr.") or initials.
 */
function nameWordSkeletonsOf(name: string): string[] {
  const words = (name.split(REGEXPS.nameEnd)[0] ?? '').split(REGEXPS.whitespace).filter((w) => {
    const title = w.toLowerCase().replace(REGEXPS.finalStop, '');
    return w !== '' && !isInitial(w) && !HONORIFICS.has(title) && !REGNAL_TITLES.has(title);
  });
  const kept = [words[0], words[words.length - 1]].filter((w): w is string => w !== undefined);
  return [...new Set(kept.flatMap((w) => nameSkeleton(w)))];
}

const HEAD_ENDS = new Set(['of', 'for']);

/** The noun a body's name is headed by: the word before its first "of" or "for", or else its last word. */
function headNoun(name: string): string {
  const words = name.split(REGEXPS.whitespace);
  const connector = words.findIndex((w, i) => i > 0 && HEAD_ENDS.has(w));
  return wordKey(words[(connector === -1 ? words.length : connector) - 1] ?? '');
}

/** The index key of an alias: its first two words, or its only word. */
export const aliasKey = (words: readonly string[]): string => words.slice(0, 2).join(' ');

/** The word form the mention finder compares: lower case, straight apostrophe, no possessive. */
export const wordKey = (word: string): string =>
  word
    .toLowerCase()
    .replace(REGEXPS.curlyApostrophe, "'")
    .replace(REGEXPS.possessiveS, '')
    .replace(REGEXPS.finalStop, '');

function indexAliases(entities: readonly Entity[]): Pick<EntityRegistry, 'aliases' | 'surnames' | 'givenNames'> {
  const aliases = new Map<string, AliasEntry[]>();
  const surnames = new Map<string, string[]>();
  const givenNames = new Map<string, string[]>();
  const addTo = (index: Map<string, string[]>, key: string, id: string): void => {
    const ids = index.get(key);
    if (ids === undefined) index.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const entity of entities) {
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const words = tokenize(alias).map((t) => wordKey(t.text));
      if (words.length === 0) continue;
      // Keyed by the first two words, so a common first name does not make every lookup scan all its bearers.
      const key = aliasKey(words);
      const comma = alias.indexOf(',');
      const entry: AliasEntry = { words, entityId: entity.id, acronym: words.length === 1 && isAcronym(alias.trim()) };
      if (comma !== -1) entry.commaAfter = tokenize(alias.slice(0, comma)).length - 1;
      const written = tokenize(alias);
      if (REGEXPS.possessiveWord.test(written[0]?.text ?? '')) entry.possessiveFirst = true;
      const ampersandAfter = written.flatMap((t, i) =>
        alias.slice(t.end, written[i + 1]?.start).trim() === '&' ? [i] : [],
      );
      if (ampersandAfter.length > 0) entry.ampersandAfter = ampersandAfter;
      const list = aliases.get(key);
      if (list === undefined) aliases.set(key, [entry]);
      else list.push(entry);
      if (entity.kind === 'person') {
        const tokens = alias
          .split(REGEXPS.whitespace)
          .filter((w, i) => !REGEXPS.titleOrOf.test(w) && !(i === 0 && REGNAL_TITLES.has(w.toLowerCase())));
        const keys = alias.includes(' of ')
          ? [squash(tokens[0] ?? '')]
          : surnameKeys(tokens).concat(tokens.length === 1 ? [squash(tokens[0] ?? '')] : []);
        for (const key of keys) addTo(surnames, key, entity.id);
        if (tokens.length > 1 && !alias.includes(' of ')) addTo(givenNames, squash(tokens[0] ?? ''), entity.id);
      }
    }
  }
  for (const list of aliases.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { aliases, surnames, givenNames };
}
