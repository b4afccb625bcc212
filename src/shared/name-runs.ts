/**
 * Where a page may name a person in another spelling: capitalised words in a row, at most four, each word's range
 * without its possessive ("Rohani's"). The page's matcher looks spelling variants up in them
 * (`content/spelling-variants.ts`), and the background sends a page the variants its runs can reach
 * (`background/dictionary-share.ts`): one function, so that both read the same runs.
 */

/** Capitalised words in a row, at most four: where a name in another spelling may be. */
const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’ʼ-]*(?:[ \u00A0]+\p{Lu}[\p{L}\p{M}'’ʼ-]*){0,3}/gu;
const WORD_IN_RUN = /\p{L}[\p{L}\p{M}'’ʼ-]*/gu;
/** The most words a name in another spelling is looked up with. */
export const MAX_NAME_WORDS = 4;

export interface NameWord {
  start: number;
  end: number;
}

/** The capitalised runs of `text`, each as its words. */
export const nameRuns = (text: string): NameWord[][] =>
  Array.from(text.matchAll(CAPITALISED_RUN), (run) =>
    Array.from(run[0].matchAll(WORD_IN_RUN), (w) => {
      const start = run.index + w.index;
      // "Rohani's": the possessive is no part of the name.
      return { start, end: start + w[0].replace(/['’]s$/u, '').length };
    }),
  );
