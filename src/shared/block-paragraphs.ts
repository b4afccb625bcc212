/** Block elements whose text makes a paragraph. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';

/**
 * An article's paragraphs as text: one per block element, the innermost block only (a `<p>` inside an `<li>` is one
 * paragraph, not two), whitespace collapsed. The same for a page read in the browser (Add this page), a saved page
 * built in the options page's worker, and the labelled news set, so all three read articles alike.
 */
export function blockParagraphs(root: ParentNode): string[] {
  const paragraphs: string[] = [];
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (block.querySelector(BLOCKS) !== null) continue;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0) paragraphs.push(text);
  }
  return paragraphs;
}
