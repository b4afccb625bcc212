import { send, sendToTab } from '../shared/messages';
import { errorText } from '../shared/error-text';
import { el } from '../shared/ui/dom';
import { plural, t } from '../shared/i18n';
import { openViewer } from './viewer-tab';
import { viewerHref } from '../shared/ui/extension-links';

/**
 * "Add this page to my sources": the content script sends the tab's markup, the popup reads its article
 * (`article.ts`), the background adds it to the reader's own corpus (or updates it), and the popup says what came of
 * it, with a link to it in the viewer.
 */
/** What both browsers say when no content script listens in the tab. */
const NO_CONTENT_SCRIPT = /Receiving end does not exist|Could not establish connection|No matching message handler/i;

export function bindAddPage(tabId: number | null, button: HTMLButtonElement, status: HTMLElement): void {
  if (tabId === null) {
    button.disabled = true;
    return;
  }
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = t('addReading');
    void (async () => {
      let page;
      try {
        page = await sendToTab(tabId, { type: 'readPage' });
      } catch (error) {
        // No content script answers on a browser page or a file; anything else is said as it is (never swallowed).
        status.textContent = NO_CONTENT_SCRIPT.test(errorText(error))
          ? t('addNotWebPage')
          : t('addFailed', errorText(error));
        return;
      }
      // Readability is loaded when a reader adds a page, so that the popup opens without it.
      const { readArticle } = await import('./article');
      const article = 'reason' in page ? page : readArticle(page);
      if ('reason' in article) {
        status.textContent = article.reason;
        return;
      }
      // Compiling the corpus again takes a moment once My sources holds many pages.
      status.textContent = t('addAdding', article.title);
      const added = await send({ type: 'addPageToSources', article });
      const document = { ...added, start: 0, end: 0 };
      const link = el('a', { href: viewerHref(document), target: '_blank', rel: 'noopener' }, t('addOpenInViewer'));
      // A plain click opens the tab through the extension, as search results do; other clicks keep the link's ways.
      link.addEventListener('click', (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        void openViewer(document);
      });
      const counts = [plural('countStatements', added.statements), plural('countPeople', added.people)];
      status.replaceChildren(
        `${t(added.updated ? 'addUpdated' : 'addAdded', added.title, counts.join(t('commaSeparator')))} `,
        link,
      );
    })()
      .catch((error: unknown) => {
        status.textContent = t('addFailed', errorText(error));
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
