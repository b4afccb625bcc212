import { t } from '../i18n';
import { send } from '../messages';
import { citationText, webAnnotation, type CitedStatement } from '../statement-citation';

export type CitationFormat = 'text' | 'annotation';

/**
 * Puts a statement's citation on the clipboard, as text or as a Web Annotation. Its words are read again from the
 * stored document, whole, rather than from the card's excerpt, which may be cut.
 */
export async function copyCitation(statement: CitedStatement, format: CitationFormat): Promise<void> {
  const { packId, documentId, start, end } = statement.source;
  const document = await send({ type: 'getDocument', packId, documentId });
  if (!document) throw new Error(t('errorSourceGone'));
  const whole = { ...statement, text: document.text.slice(start, end) };
  writeToClipboard(
    format === 'text' ? citationText(whole) : JSON.stringify(webAnnotation(whole, document.text), null, 2),
  );
}

/**
 * Writes text to the clipboard from the reader's click. Through a copy command rather than the Clipboard API: the card
 * is a frame inside a web page, where Chromium blocks the Clipboard API by the page's permissions policy, while a
 * copy command the reader's click started is allowed in every extension page.
 */
function writeToClipboard(text: string): void {
  let written = false;
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    written = event.clipboardData !== null;
  };
  document.addEventListener('copy', onCopy, { once: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!written) throw new Error(t('errorCopyRefused'));
}
