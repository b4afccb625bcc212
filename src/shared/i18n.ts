// Every user-facing string comes from the locale files (assets/_locales/<lang>/messages.json) through the browser's
// i18n API, in the browser's UI language: English and Persian ship. Numbers, plurals and dates go through Intl in the
// language of the messages shown (Persian dates in the Persian calendar, which Intl gives "fa" by default). Corpus text
// is never translated: it keeps its own language and direction (dir="auto" where it is shown, isolated inside a
// message).
import { browserI18n, rawMessage as message, type MessageKey } from './browser-message';

export type { MessageKey } from './browser-message';

/** A message counted with `plural`: the English file has `KEY_one` and `KEY_other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/**
 * The language the messages are shown in, for Intl: the browser's UI language ("en-GB", "fa") where the locale files
 * have it, so the reader's region counts; otherwise the language of the locale file the browser fell back to.
 */
export function uiLanguage(): string {
  const ui = browserI18n()?.getUILanguage() ?? '';
  const shown = message('messagesLanguage') || 'en';
  return ui.toLowerCase().split(/[-_]/)[0] === shown ? ui : shown;
}

/** Whether the messages shown are written right to left (each locale file says so). */
export const uiDirection = (): 'rtl' | 'ltr' => (message('messagesDirection') === 'rtl' ? 'rtl' : 'ltr');

const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LEFT_TO_RIGHT = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

/**
 * Text set inside a message, isolated (U+2068 … U+2069) when it holds letters written the other way from the UI, so
 * that its own direction cannot reorder the sentence around it: an English title inside a Persian sentence, or a
 * Persian name inside an English one. Text already in the UI's direction is left as it is.
 */
export function isolate(text: string): string {
  const other = uiDirection() === 'rtl' ? LEFT_TO_RIGHT : RIGHT_TO_LEFT;
  return other.test(text) ? `\u2068${text}\u2069` : text;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the UI language writes it ("1,234", "۱٬۲۳۴"). */
export function formatNumber(n: number): string {
  const language = uiLanguage();
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

/** A fraction as a percentage in the UI language ("24%", "۲۴٪"). */
export const formatPercent = (fraction: number): string =>
  new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

/** A value set into a message: a number as the language writes it, text isolated. */
const filling = (value: string | number): string => (typeof value === 'number' ? formatNumber(value) : isolate(value));

/**
 * The message for a key in the UI language, with `$1`… filled in: numbers as the language writes them, text isolated
 * (`isolate`). The key itself where no message is found (a locale file that lacks it, a worker).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return message(key, substitutions.map(filling)) || key;
}

/**
 * A counted message: `KEY_one`, `KEY_other` or another of the language's plural forms (`KEY_few`…) as Intl's plural
 * rules choose for `count`, with the count as `$1` and the rest after it; `KEY_other` where a locale file has no
 * message for the form.
 */
export function plural(key: PluralKey, count: number, ...rest: (string | number)[]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  const filled = [count, ...rest].map(filling);
  return (form !== 'other' && message(`${key}_${form}`, filled)) || message(`${key}_other`, filled) || key;
}

/**
 * A page's static text: each element with `data-i18n="key"` gets that message as its text, with the element's own
 * child elements (a `<code>`, an input) put back at the message's `$1`, `$2`…; each
 * `data-i18n-attributes="placeholder:key aria-label:key"` gets those attributes. The document gets the UI language
 * and its direction, so the layout mirrors for Persian.
 */
export function localizePage(root: Document = document): void {
  root.documentElement.lang = uiLanguage();
  root.documentElement.dir = uiDirection();
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const children = [...element.children];
    const key = element.dataset.i18n as MessageKey;
    if (children.length === 0) {
      element.textContent = t(key);
      continue;
    }
    // Each child's place is marked by a character no message holds, then the message is split there.
    const marks = children.map((_, i) => String.fromCharCode(0xe000 + i));
    const text = message(key, marks) || key;
    element.replaceChildren(
      ...text
        .split(/([\ue000-\ue0ff])/)
        .filter(Boolean)
        .map((piece) => (/^[\ue000-\ue0ff]$/.test(piece) ? (children[piece.charCodeAt(0) - 0xe000] ?? piece) : piece)),
    );
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attributes]'))
    for (const pair of (element.dataset.i18nAttributes ?? '').split(/\s+/).filter(Boolean)) {
      const [attribute, key] = pair.split(':');
      if (attribute && key) element.setAttribute(attribute, t(key as MessageKey));
    }
}
