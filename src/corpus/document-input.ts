// Checks and decodes one source document's bytes, the same way for the command line and for the options page.
import type { DocumentInput } from './compile';

/** Largest source document accepted: far beyond any article, small enough to compile in seconds. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export class DocumentInputError extends Error {
  override name = 'DocumentInputError';
}

/** The document's text, or an error that names the file: too large, binary, not UTF-8 or empty. */
export function decodeDocument(label: string, name: string, bytes: Uint8Array): DocumentInput {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new DocumentInputError(`${label}: file is ${bytes.length} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit`);
  if (bytes.includes(0))
    throw new DocumentInputError(`${label}: binary file (contains NUL bytes), expected UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentInputError(`${label}: not valid UTF-8`);
  }
  if (text.trim() === '') throw new DocumentInputError(`${label}: file is empty`);
  return { name, text };
}
