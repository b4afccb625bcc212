// Which of the formats Sourcelight imports a file is in, said before it is checked in full, so the reader is told
// what the file was taken for and its errors speak that format's language.
import { isWrittenQuestionsExport } from './written-questions-api';

export const NOT_JSON =
  'The file is not JSON: Sourcelight imports a corpus pack (a .json file made by `npm run corpus -- build`) or a UK Parliament written questions export.';

export type RecognisedImport =
  /** A Sourcelight corpus pack, or JSON that is neither format: the pack's own check says what is wrong with it. */
  | { format: 'sourcelight-pack' }
  /** The UK Parliament written questions API's answer (written-questions-api.ts), its results still unchecked. */
  | { format: 'uk-parliament-written-questions'; results: unknown[] };

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  /** A pack as Sourcelight writes it names its format first; such a file is passed on unread, at any size. */
  packStart: /^\s*\{\s*"format"\s*:\s*"sourcelight-corpus"/,
} as const;

/** Tells the format of an imported file's text; throws `NOT_JSON` for text that is not JSON. */
export function recogniseImport(text: string): RecognisedImport {
  if (REGEXPS.packStart.test(text.slice(0, 200))) return { format: 'sourcelight-pack' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(NOT_JSON);
  }
  return isWrittenQuestionsExport(json)
    ? { format: 'uk-parliament-written-questions', results: json.results }
    : { format: 'sourcelight-pack' };
}
