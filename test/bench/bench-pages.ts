// The pages the highlight benches measure on, built the same way for each: a real news page lengthened to 1 MB with
// corpus paragraphs, and a dense stress page of nothing but corpus paragraphs; and the corpus whose names they use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../../src/corpus/pack';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGE_BYTES = 1_000_000;
/** A real news page (0.8 MB of markup, 0.6 MB of it CSS): shared/ beside the repo, or a copy in the fixtures. */
const REAL_PAGE_PATHS = [
  join(repo, '..', 'shared', 'pages', 'guardian-1.html'),
  join(repo, 'test', 'fixtures', 'pages', 'guardian-1.html'),
];

/** Stands in for the default pack's entities while the corpus compiler does not yet emit any. */
const STAND_IN: [Entity['kind'], string, ...string[]][] = [
  ['person', 'Maryam Rajavi'],
  ['person', 'Massoud Rajavi'],
  ['person', 'Ebrahim Raisi'],
  ['person', 'Mostafa Pourmohammadi', 'Mostafa Pour Mohammadi'],
  ['person', 'Ali Khamenei', 'Ayatollah Khamenei'],
  ['person', 'Ruhollah Khomeini', 'Ayatollah Khomeini'],
  ['person', 'Hossein Ali Montazeri', 'Ayatollah Montazeri'],
  ['person', 'Hossein Ali Nayyeri'],
  ['person', 'Sadegh Zibakalam'],
  ['person', 'Ali Akbar Hashemi Rafsanjani', 'Rafsanjani'],
  ['person', 'Hassan Rouhani'],
  ['person', 'Javad Zarif'],
  ['person', 'Asma Jahangir'],
  ['person', 'Javaid Rehman'],
  ['person', 'Antonio Guterres'],
  ['person', 'David Jones'],
  ['person', 'Kevin Jones'],
  ['person', 'Bob Blackman'],
  ['person', 'Theresa Villiers'],
  ['person', 'Struan Stevenson'],
  ['organisation', "People's Mojahedin Organization of Iran", 'PMOI', 'MEK', 'Mojahedin'],
  ['organisation', 'National Council of Resistance of Iran', 'NCRI'],
  ['organisation', 'Amnesty International'],
  ['organisation', 'United Nations', 'UN'],
  ['organisation', 'European Parliament'],
  ['organisation', 'Revolutionary Guards', 'IRGC'],
  ['organisation', 'Supreme Court'],
  ['organisation', 'Gooya News'],
  ['organisation', 'House of Commons'],
  ['organisation', 'Foreign Office'],
  ['place', 'Iran'],
  ['place', 'Tehran'],
  ['place', 'Iraq'],
  ['place', 'Camp Ashraf', 'Ashraf'],
  ['place', 'Camp Liberty'],
  ['place', 'Evin Prison', 'Evin'],
  ['place', 'Gohardasht Prison'],
  ['place', 'Albania'],
  ['place', 'Paris'],
  ['place', 'London'],
  ['topic', 'human rights'],
  ['topic', 'executions', 'execution'],
  ['topic', '1988 massacre'],
  ['topic', 'political prisoners'],
  ['topic', 'death commission', 'death committee'],
  ['topic', 'crimes against humanity', 'crime against humanity'],
  ['topic', 'juveniles'],
  ['topic', 'impunity'],
  ['topic', 'death penalty'],
  ['topic', 'fatwa'],
  ['topic', 'torture'],
  ['topic', 'justice'],
  ['topic', 'accountability'],
  ['topic', 'sanctions'],
  ['topic', 'nuclear deal'],
  ['topic', 'women’s rights'],
  ['topic', 'freedom of expression'],
  ['topic', 'mass graves'],
  ['topic', 'international inquiry'],
  ['topic', 'regime change'],
];

function standInEntities(): Entity[] {
  return STAND_IN.map(([kind, name, ...aliases], index) => ({ id: `stand-in-${index}`, kind, name, aliases }));
}

/** The default pack's entities if it has any, else the stand-in; and the article texts to build the page from. */
export function loadCorpus(): { label: string; entities: Entity[]; texts: string[] } {
  const packPath = join(repo, '.build', 'default-pack.json');
  const corpusDir = join(repo, 'assets', 'corpus');
  const texts = readdirSync(corpusDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(corpusDir, file), 'utf8'));
  if (existsSync(packPath)) {
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as { entities?: Entity[] };
    if (pack.entities !== undefined && pack.entities.length > 0)
      return { label: 'default pack', entities: pack.entities, texts };
  }
  return {
    label: `stand-in (${STAND_IN.length} entities; the default pack has none yet)`,
    entities: standInEntities(),
    texts,
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A deterministic pseudo-random sequence, so every run measures the same page and terms. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Corpus paragraphs as article markup, with the inline markup news pages have: links, bold, em. */
function paragraphsHtml(texts: string[], seed: number): string[] {
  const next = random(seed);
  const paragraphs = texts.flatMap((text) => text.split(/\n+/).filter((p) => p.trim().length > 0));
  return paragraphs.map((paragraph) => {
    const words = paragraph.split(' ').map(escapeText);
    // Wrap a few words in inline elements so names sometimes straddle them, as on real pages.
    for (let k = 0; k < words.length; k += 12) {
      const roll = next();
      const tag = roll < 0.4 ? 'a href="#w"' : roll < 0.7 ? 'b' : 'em';
      words[k] = `<${tag}>${words[k]}</${tag.split(' ')[0]}>`;
    }
    return `<p>${words.join(' ')}</p>`;
  });
}

/** The stress case: about 1 MB of nothing but corpus paragraphs, so names crowd every line. */
export function buildDensePage(texts: string[]): string {
  const paragraphs = paragraphsHtml(texts, 7);
  const parts: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>Bench</title></head><body>'];
  let size = parts[0]?.length ?? 0;
  for (let section = 0; size < PAGE_BYTES; section++) {
    parts.push(`<article><h2>Section ${section}</h2>`);
    for (const html of paragraphs) {
      parts.push(html);
      size += html.length;
    }
    parts.push('<aside><input value="Maryam Rajavi"><textarea>Iran</textarea></aside></article>');
  }
  parts.push('</body></html>');
  return parts.join('');
}

/**
 * The realistic case: a real news page (its CSS, navigation, figures, inline SVG and footer as published) whose
 * article body is lengthened with corpus paragraphs until the page is 1 MB: a long article on the corpus's
 * subject, so its names are as frequent as in the corpus's own articles. Remote images are stripped, there
 * being no network.
 */
export function buildRealPage(texts: string[]): string | undefined {
  const path = REAL_PAGE_PATHS.find((candidate) => existsSync(candidate));
  if (path === undefined) return undefined;
  const page = readFileSync(path, 'utf8').replace(/\s(src|srcset)="https?:[^"]*"/g, '');
  const anchor = page.indexOf('itemprop="articleBody"');
  const at = anchor < 0 ? -1 : page.indexOf('>', anchor) + 1;
  if (at <= 0) return undefined;
  const paragraphs = paragraphsHtml(texts, 13);
  const added: string[] = [];
  let size = page.length;
  for (let k = 0; size < PAGE_BYTES; k++) {
    const html = paragraphs[k % paragraphs.length] ?? '';
    added.push(html);
    size += html.length;
  }
  return page.slice(0, at) + added.join('') + page.slice(at);
}

/** The pages the page benches measure on, labelled: the real page (when its file is there) and the dense one. */
export function benchPages(texts: string[]): [string, string][] {
  const pages: [string, string][] = [];
  const real = buildRealPage(texts);
  if (real === undefined)
    console.log('realistic page skipped: guardian-1.html not found in shared/pages or test/fixtures/pages');
  else pages.push(['realistic: guardian-1.html, article body lengthened with corpus paragraphs', real]);
  pages.push(['dense stress case: corpus paragraphs only', buildDensePage(texts)]);
  return pages;
}
