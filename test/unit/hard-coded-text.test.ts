// The check that keeps user-facing English out of the UI's code and markup (hard-coded-text.ts), shown to fail: on
// English planted in each place a reader would meet it, and in the real pages and scripts once a message is put back
// as the English it was.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedTextInCode, hardCodedTextInPage } from './hard-coded-text';

const root = resolve(import.meta.dirname, '../..');
const source = (file: string): string => readFileSync(resolve(root, file), 'utf8');
const texts = (code: string): string[] => hardCodedTextInCode(code).map((finding) => finding.text);

describe('the hard-coded English check', () => {
  it('finds English wherever a reader would see or hear it in code', () => {
    const planted = `
      el('p', { class: 'hint' }, 'Nothing found');
      el('button', { type: 'button', 'aria-label': 'Close the card' }, '×');
      status.textContent = \`Checked \${done} of \${total}\`;
      button.title = 'Remove';
      link.setAttribute('aria-label', 'Open the source');
      notice.error('Not saved');
      list.append(' times on this page');
      throw new Error('The pack is too large.');
      const LABELS = { person: 'Person', organisation: 'Organisation' };
      const why = failed ? 'the server did not answer' : '';
    `;
    expect(texts(planted)).toEqual([
      'Nothing found',
      'Close the card',
      'Checked … of …',
      'Remove',
      'Open the source',
      'Not saved',
      ' times on this page',
      'The pack is too large.',
      'Person',
      'Organisation',
      'the server did not answer',
    ]);
  });

  it('leaves code alone: keys, classes, selectors, events, comparisons, imports, logs and names', () => {
    const code = `
      import { t } from '../shared/i18n';
      el('p', { class: 'sl-more sl-danger', rel: 'noopener noreferrer', 'data-kind': 'person' }, t('popupBack'));
      document.querySelector('meta[property="article:published_time"]');
      input.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
      switch (kind) { case 'person': break; }
      console.error('Sourcelight: the card could not reach its page', error);
      el('h1', {}, 'Sourcelight');
      class BuildCancelled extends Error { override name = 'BuildCancelled'; }
      const type: 'same' | 'part' = 'same';
      download('sourcelight-corrections.json', 'application/json', text);
    `;
    expect(texts(code)).toEqual([]);
  });

  it('lets a line say why its string is not for readers', () => {
    expect(
      texts(`// i18n-exempt: a build mistake, said to the developer.\nthrow new Error('The page lacks its list');`),
    ).toEqual([]);
    expect(texts(`throw new Error('The page lacks its list');`)).toEqual(['The page lacks its list']);
  });

  it('finds English put back into a real script in place of its message', () => {
    const file = 'src/popup/popup.ts';
    const real = source(file);
    expect(hardCodedTextInCode(real, file)).toEqual([]);
    const planted = real.replace("t('popupEntryGone')", "'This entry is no longer in any enabled corpus.'");
    expect(planted).not.toBe(real);
    expect(texts(planted)).toEqual(['This entry is no longer in any enabled corpus.']);
  });

  it('finds text and shown attributes in markup that no message sets', () => {
    const page = `<!doctype html><html><body>
      <h1 data-i18n="optionsTitle">Sourcelight settings</h1>
      <p data-i18n="importHint">A corpus pack is a <code>.json</code> file.</p>
      <input placeholder="https://example.org/pack.json" aria-label="Address" data-i18n-attributes="aria-label:subscribeUrlLabel" />
      <p>Loading the corpus…</p>
      <button aria-label="Close">×</button>
      <input placeholder="Search people" />
    </body></html>`;
    expect(hardCodedTextInPage(page)).toEqual([
      'Loading the corpus…',
      'aria-label="Close"',
      'placeholder="Search people"',
    ]);
  });

  it('finds English put back into a real page', () => {
    const real = source('src/options/options.html');
    expect(hardCodedTextInPage(real)).toEqual([]);
    const planted = real.replace(' data-i18n="corporaTitle"', '');
    expect(hardCodedTextInPage(planted)).toEqual(['Corpora']);
    const popup = source('src/popup/popup.html').replace(
      ' data-i18n-attributes="placeholder:popupSearchPlaceholder"',
      '',
    );
    expect(hardCodedTextInPage(popup)).toEqual(['placeholder="Search people, topics, statements…"']);
  });
});
