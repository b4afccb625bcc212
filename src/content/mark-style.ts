import css from './highlight.css?inline';

/**
 * The marks' style, scoped to the marks Sourcelight made on this page. A stylesheet the manifest injects is the same
 * on every page, and styled a page's own `<mark class="sourcelight">` too, even where Sourcelight is off: a page could
 * tell it is installed by writing one and reading its style. Here every mark carries a key drawn at random when the
 * page loads, and the rules (highlight.css) are adopted with that key, only while Sourcelight is on for the page.
 */
const STYLE_ATTRIBUTE = 'data-sl-style';

const sessionKey = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
  byte.toString(16).padStart(2, '0'),
).join('');

/** Makes a mark Sourcelight made one that the marks' style reaches. */
export function styleMark(mark: Element): void {
  mark.setAttribute(STYLE_ATTRIBUTE, sessionKey);
}

/** Firefox before 153 refuses changes to the content script's view of the array; the page's own array takes them. */
type AdoptedSheets = CSSStyleSheet[] & { wrappedJSObject?: CSSStyleSheet[] };

let sheet: CSSStyleSheet | undefined;

/**
 * Puts the marks' style on the page, or takes it off (Sourcelight turned off for the site). The sheet is adopted the
 * first time and then only filled or emptied: taking it out of the page's array again would mean finding our sheet
 * among the page's through Firefox's wrappers.
 */
export function showMarkStyle(shown: boolean): void {
  if (sheet === undefined) {
    if (!shown) return;
    sheet = new CSSStyleSheet();
    const sheets = document.adoptedStyleSheets as AdoptedSheets;
    (sheets.wrappedJSObject ?? sheets).push(sheet);
  }
  sheet.replaceSync(shown ? css.replaceAll(`[${STYLE_ATTRIBUTE}]`, `[${STYLE_ATTRIBUTE}="${sessionKey}"]`) : '');
}
