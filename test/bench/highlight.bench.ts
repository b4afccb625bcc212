// The highlight pass on a 1 MB article in headless Chromium, with the default dictionary and with a synthetic
// 5,000-term one, against (a) mark.js mark(terms) and (b) a bare walk that only reads every text node, all in
// the same run. Goals (issue 5): at least 10 times faster than (a), within 3 times of (b), no task over 50 ms.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer, { type Page } from 'puppeteer-core';
import type { Entity } from '../../src/corpus/pack';
import { buildDictionary, type Dictionary } from '../../src/shared/dictionary';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGE_BYTES = 1_000_000;
const SYNTHETIC_TERMS = 5000;
/** mark.js makes one DOM pass per term; past this it is stopped and its time extrapolated from the terms done. */
const MARKJS_CAP_MS = 20_000;

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
function loadCorpus(): { label: string; entities: Entity[]; texts: string[] } {
  const packPath = join(repo, '.build', 'default-pack.json');
  const corpusDir = join(repo, 'assets', 'corpus');
  const texts = readdirSync(corpusDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(corpusDir, file), 'utf8'));
  if (existsSync(packPath)) {
    const pack = JSON.parse(readFileSync(packPath, 'utf8')) as { entities?: Entity[] };
    if (pack.entities !== undefined && pack.entities.length > 0) return { label: 'default pack', entities: pack.entities, texts };
  }
  return { label: `stand-in (${STAND_IN.length} entities; the default pack has none yet)`, entities: standInEntities(), texts };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A deterministic pseudo-random sequence, so every run measures the same page and terms. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** About 1 MB of article markup from the corpus texts, with the inline markup news pages have: links, bold, em. */
function buildArticle(texts: string[]): string {
  const next = random(7);
  const paragraphs = texts.flatMap((text) => text.split(/\n+/).filter((p) => p.trim().length > 0));
  const parts: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>Bench</title></head><body>'];
  let size = parts[0]?.length ?? 0;
  for (let section = 0; size < PAGE_BYTES; section++) {
    parts.push(`<article><h2>Section ${section}</h2>`);
    for (const paragraph of paragraphs) {
      const words = paragraph.split(' ').map(escapeText);
      // Wrap a few words in inline elements so names sometimes straddle them, as on real pages.
      for (let k = 0; k < words.length; k += 12) {
        const roll = next();
        const tag = roll < 0.4 ? 'a href="#w"' : roll < 0.7 ? 'b' : 'em';
        words[k] = `<${tag}>${words[k]}</${tag.split(' ')[0]}>`;
      }
      const html = `<p>${words.join(' ')}</p>`;
      parts.push(html);
      size += html.length;
    }
    parts.push('<aside><input value="Maryam Rajavi"><textarea>Iran</textarea></aside></article>');
  }
  parts.push('</body></html>');
  return parts.join('');
}

/** The realistic terms plus fillers that share prefixes with real words, so the trie is walked but rarely matches. */
function syntheticDictionary(realistic: Dictionary, texts: string[]): Dictionary {
  const next = random(11);
  const words = [...new Set(texts.join(' ').match(/\p{Lu}\p{Ll}{3,}/gu) ?? [])];
  const terms = [...realistic.terms];
  for (let i = 0; terms.length < SYNTHETIC_TERMS; i++) {
    const word = words[Math.floor(next() * words.length)] ?? 'Term';
    const kind = i % 4 === 0 ? 'topic' : 'person';
    terms.push({ text: `${word} ${word.slice(0, 3)}${i.toString(36)}`, kind, ids: [`synthetic-${i}`] });
  }
  return { version: realistic.version, terms };
}

/** Runs in the page: our highlighter and mark.js, bundled, behind `window.sourcelightBench`. */
const IN_PAGE = `
import Mark from 'mark.js';
import { highlight, removeHighlights, HIGHLIGHT_SELECTOR } from './highlighter';
import { compileMatcher } from './matcher';

const longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry); })
  .observe({ type: 'longtask', buffered: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
const longestTaskBetween = (from, to) =>
  longTasks.filter((t) => t.startTime >= from && t.startTime <= to).reduce((max, t) => Math.max(max, t.duration), 0);

window.sourcelightBench = {
  bareWalk() {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
    return { ms: performance.now() - started, chars };
  },
  async ours(dictionary) {
    const textBefore = document.body.innerText;
    await settle();
    const started = performance.now();
    const matcher = compileMatcher(dictionary);
    const compiled = performance.now();
    const result = await highlight(document.body, matcher);
    const finished = performance.now();
    const marks = document.querySelectorAll(HIGHLIGHT_SELECTOR).length;
    await settle();
    const textHighlighted = document.body.innerText;
    removeHighlights(document.body);
    const textRestored = document.body.innerText;
    return {
      compileMs: compiled - started,
      ms: finished - compiled,
      matches: result.matches,
      marks,
      longestChunkMs: result.longestChunkMs,
      longestTaskMs: longestTaskBetween(compiled, finished),
      textKept: textBefore === textHighlighted && textHighlighted === textRestored,
    };
  },
  markjs(terms, capMs) {
    const done = new Set();
    const started = performance.now();
    let error;
    try {
      new Mark(document.body).mark(terms, {
        accuracy: 'exactly',
        separateWordSearch: false,
        filter: (_node, term) => { done.add(term); return true; },
        noMatch: (term) => {
          done.add(term);
          if (performance.now() - started > capMs) throw new Error('stopped at the time cap');
        },
      });
    } catch (caught) {
      error = String(caught && caught.message ? caught.message : caught);
    }
    return { ms: performance.now() - started, termsDone: done.size, error };
  },
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: IN_PAGE, resolveDir: join(repo, 'src', 'content'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('the in-page bundle is empty');
  return output.text;
}

interface OursResult {
  compileMs: number;
  ms: number;
  matches: number;
  marks: number;
  longestChunkMs: number;
  longestTaskMs: number;
  textKept: boolean;
}
interface MarkJsResult {
  ms: number;
  termsDone: number;
  error?: string;
}

async function freshPage(page: Page, html: string, script: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
}

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

export async function bench(): Promise<void> {
  const corpus = loadCorpus();
  const realistic = buildDictionary(corpus.entities);
  const dictionaries: [string, Dictionary][] = [
    [`realistic: ${corpus.label}`, realistic],
    [`synthetic ${SYNTHETIC_TERMS} terms`, syntheticDictionary(realistic, corpus.texts)],
  ];
  const html = buildArticle(corpus.texts);
  const script = await bundle();

  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    console.log(`page: ${(html.length / 1e6).toFixed(2)} MB of markup, built from ${corpus.texts.length} corpus texts`);
    for (const [label, dictionary] of dictionaries) {
      await freshPage(page, html, script);
      const walk = (await page.evaluate('window.sourcelightBench.bareWalk()')) as { ms: number; chars: number };
      const walkAgain = (await page.evaluate('window.sourcelightBench.bareWalk()')) as { ms: number; chars: number };
      const walkMs = Math.min(walk.ms, walkAgain.ms);

      await freshPage(page, html, script);
      const ours = (await page.evaluate(`window.sourcelightBench.ours(${JSON.stringify(dictionary)})`)) as OursResult;

      await freshPage(page, html, script);
      const terms = dictionary.terms.map((term) => term.text);
      const markjs = (await page.evaluate(
        `window.sourcelightBench.markjs(${JSON.stringify(terms)}, ${MARKJS_CAP_MS})`,
      )) as MarkJsResult;
      const markjsFinished = markjs.error === undefined;
      const markjsMs = markjsFinished ? markjs.ms : (markjs.ms * terms.length) / Math.max(1, markjs.termsDone);

      console.log(`\n### ${label}: ${dictionary.terms.length} terms, ${(walk.chars / 1e6).toFixed(2)} M characters of text`);
      console.log(`  ours: ${fixed(ours.ms)} ms (+ ${fixed(ours.compileMs)} ms to compile), ${ours.matches} matches, ${ours.marks} marks`);
      console.log(`  (b) bare walk: ${fixed(walkMs, 2)} ms`);
      console.log(
        markjsFinished
          ? `  (a) mark.js mark(): ${fixed(markjs.ms)} ms`
          : `  (a) mark.js mark(): did not finish (${markjs.error}) after ${fixed(markjs.ms)} ms and ${markjs.termsDone} of ${terms.length} terms; extrapolated ${fixed(markjsMs / 1000)} s`,
      );
      console.log(`  ratio (a)/ours: ${fixed(markjsMs / ours.ms)}x faster than mark.js${markjsFinished ? '' : ' (at least; extrapolated)'}  [goal >= 10x]`);
      console.log(`  ratio ours/(b): ${fixed(ours.ms / walkMs)}x the bare walk  [goal <= 3x]`);
      console.log(`  longest chunk ${fixed(ours.longestChunkMs)} ms, longest task (longtask API) ${fixed(ours.longestTaskMs)} ms  [goal <= 50 ms]`);
      console.log(`  page text identical before, during and after: ${ours.textKept ? 'yes' : 'NO'}`);
    }
  } finally {
    await browser.close();
  }
}
