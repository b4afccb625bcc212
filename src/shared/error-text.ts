import { browserMessage } from './browser-message';

/**
 * The message of anything thrown, as a sentence for the page or a reply. Never empty: an error without a message
 * (a full disk's QuotaExceededError in some browsers) is named by its kind. The content script records its failures
 * with it, so it takes its words from `browser-message.ts` alone.
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.trim() !== '') return text;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return browserMessage('errorNoRoom');
  return name ? browserMessage('errorUnexplainedNamed', name) : browserMessage('errorUnexplained');
}
