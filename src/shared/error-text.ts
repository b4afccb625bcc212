/**
 * The message of anything thrown, as a sentence for the page or a reply. Never empty: an error without a message
 * (a full disk's QuotaExceededError in some browsers) is named by its kind.
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.trim() !== '') return text;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError'
    ? 'The browser has no more room for stored data.'
    : `An unexplained error${name ? ` (${name})` : ''}.`;
}
