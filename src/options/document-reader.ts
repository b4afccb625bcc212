// One chosen file's bytes as the text the compiler reads, by its kind: plain text as it is, Markdown without its
// syntax, a web page as its article. Every kind is checked as the command line checks a .txt (size, binary, UTF-8).
import type { DocumentInput } from '../corpus/compile';
import { decodeDocument, DocumentInputError } from '../corpus/document-input';
import { articleTextOf } from './html-article';
import { markdownToText } from './markdown-text';

/** The extensions the file picker offers; any other file is read as plain text and refused if it is not. */
export const DOCUMENT_ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

export type DocumentKind = 'text' | 'markdown' | 'html';

export function documentKindOf(name: string): DocumentKind {
  if (/\.(?:md|markdown)$/i.test(name)) return 'markdown';
  if (/\.x?html?$/i.test(name)) return 'html';
  return 'text';
}

export function readDocument(name: string, bytes: Uint8Array): DocumentInput {
  const label = `“${name}”`;
  const decoded = decodeDocument(label, name, bytes);
  const kind = documentKindOf(name);
  if (kind === 'text') return decoded;
  const text = kind === 'markdown' ? markdownToText(decoded.text) : articleTextOf(decoded.text);
  if (text === undefined || text.trim() === '')
    throw new DocumentInputError(
      kind === 'html' ? `${label}: no article text found in the page` : `${label}: no text once Markdown is removed`,
    );
  return { name, text };
}
