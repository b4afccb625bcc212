import { z } from 'zod';

/** A range of matched characters, [start, end) in UTF-16 offsets of the string it belongs to. */
export const highlightRange = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type HighlightRange = z.infer<typeof highlightRange>;

/** A passage cut around the match, with the matched words marked. */
export const excerpt = z.object({
  text: z.string(),
  highlights: z.array(highlightRange),
});
export type Excerpt = z.infer<typeof excerpt>;

/** Characters shown before the first highlight, and in all, when a passage is cut to an excerpt. */
const EXCERPT_LEAD = 60;
const EXCERPT_LENGTH = 220;

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A window of the text around the first highlight, cut at spaces, with highlights moved into its offsets. */
export function excerptAround(text: string, highlights: HighlightRange[], length = EXCERPT_LENGTH): Excerpt {
  const anchor = highlights[0]?.start ?? 0;
  let start = Math.max(0, anchor - EXCERPT_LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < anchor ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > anchor ? space : end;
  }
  if (isLowSurrogate(text, start)) start++;
  if (isLowSurrogate(text, end)) end++;
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  // Line breaks become spaces one for one, so the offsets still hold in a one-line result row. Spaces are left
  // alone: replacing them with themselves copied every excerpt the search shows.
  const body = text.slice(start, end).replace(/[^\S ]/g, ' ');
  const shifted = highlights
    .filter((h) => h.end > start && h.start < end)
    .map((h) => ({
      start: Math.max(h.start, start) - start + lead.length,
      end: Math.min(h.end, end) - start + lead.length,
    }));
  return { text: lead + body + tail, highlights: shifted };
}
