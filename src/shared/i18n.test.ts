// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { useLanguage } from '../../test/unit/browser-i18n';
import { formatNumber, formatPercent, isolate, localizePage, plural, t, uiDirection, uiLanguage } from './i18n';

const FSI = '\u2068';
const PDI = '\u2069';

describe('messages in the UI language', () => {
  it('fills in numbers as the language writes them and text as it is', () => {
    expect(t('popupTotals', 1234, 33, 42)).toBe('1,234 documents, 33 statements, 42 people');
    useLanguage('fa');
    expect(t('popupTotals', 1234, 33, 42)).toBe('۱٬۲۳۴ سند، ۳۳ گفته، ۴۲ نفر');
    expect(formatNumber(7)).toBe('۷');
    expect(formatPercent(0.24)).toBe('۲۴٪');
  });

  it('chooses the plural form by the language’s rules', () => {
    expect(plural('countStatements', 1)).toBe('1 statement');
    expect(plural('countStatements', 0)).toBe('0 statements');
    expect(plural('countStatements', 3)).toBe('3 statements');
    useLanguage('fa');
    expect(plural('countStatements', 3)).toBe('۳ گفته');
  });

  it('isolates text written the other way from the UI, and only that', () => {
    // English text in an English UI is left as it is, so English pages read as they always did.
    expect(t('popupCorpusName', 'My notes')).toBe('Corpus: My notes');
    expect(t('popupCorpusName', 'یادداشت‌ها')).toBe(`Corpus: ${FSI}یادداشت‌ها${PDI}`);
    useLanguage('fa');
    expect(t('popupCorpusName', 'My notes')).toBe(`پیکره: ${FSI}My notes${PDI}`);
    expect(isolate('یادداشت‌ها')).toBe('یادداشت‌ها');
  });

  it('is in the language and direction of the messages shown, with the reader’s region', () => {
    expect([uiLanguage(), uiDirection()]).toEqual(['en-GB', 'ltr']);
    useLanguage('fa');
    expect([uiLanguage(), uiDirection()]).toEqual(['fa', 'rtl']);
    // A browser in a language Sourcelight does not ship shows English messages, and formats as English does.
    useLanguage('en', 'de-DE');
    expect(uiLanguage()).toBe('en');
  });

  it('localises a page: text, attributes, child elements kept in place, language and direction', () => {
    useLanguage('fa');
    const page = new DOMParser().parseFromString(
      `<h1 data-i18n="optionsTitle">Sourcelight settings</h1>
      <p data-i18n="importDropHint">or drop a <code>.json</code> file onto this box.</p>
      <input data-i18n-attributes="placeholder:popupSearchPlaceholder aria-label:popupSearchLabel" />`,
      'text/html',
    );
    document.body.replaceChildren(...page.body.childNodes);
    localizePage();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('fa');
    expect(document.querySelector('h1')?.textContent).toBe('تنظیمات Sourcelight');
    const hint = document.querySelector('p');
    expect(hint?.textContent).toBe('یا فایلی .json را در این کادر رها کنید.');
    expect(hint?.querySelector('code')?.textContent).toBe('.json');
    const input = document.querySelector('input');
    expect(input?.placeholder).toBe('جست‌وجوی افراد، موضوع‌ها، گفته‌ها…');
    expect(input?.getAttribute('aria-label')).toBe('جست‌وجوی افراد، موضوع‌ها و گفته‌ها');
  });
});
