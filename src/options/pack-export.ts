import { parsePack } from '../corpus/pack';
import { statementsCsv } from '../corpus/statements-csv';
import { send } from '../shared/messages';
import { correctionLookup, statementCorrection } from '../shared/correction-lookup';
import { el } from '../shared/ui/dom';
import { t } from '../shared/i18n';

/** A stored pack's JSON text, fetched in parts: a message has a size cap that a large pack would pass. */
export async function storedPackJson(packId: string): Promise<string> {
  const first = await send({ type: 'exportPackPart', packId, index: 0 });
  const parts = [first.text];
  for (let index = 1; index < first.parts; index++)
    parts.push((await send({ type: 'exportPackPart', packId, index })).text);
  return parts.join('');
}

/** A file name from a pack id, which may hold any character. */
function fileNameOf(packId: string, ending: string): string {
  return `${packId.replace(/[^\w.-]+/g, '-').slice(0, 100) || 'corpus'}${ending}`;
}

/** Hands the reader a file, as a download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  el('a', { href: url, download: name }).click();
  // Long enough for the browser to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The pack as a file that imports again unchanged. */
export async function exportPack(packId: string): Promise<string> {
  const name = fileNameOf(packId, '.sourcelight.json');
  download(name, 'application/json', await storedPackJson(packId));
  return name;
}

/** The pack's statements as CSV (see `statementsCsv` for the columns), with the speakers the reader corrected. */
export async function exportStatements(packId: string): Promise<string> {
  const parsed = parsePack(JSON.parse(await storedPackJson(packId)));
  if (!parsed.ok) throw new Error(t('exportUnreadable', parsed.error));
  const { pack } = parsed;
  const lookup = correctionLookup(await send({ type: 'getCorrections' }));
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const name = fileNameOf(packId, '-statements.csv');
  download(
    name,
    'text/csv',
    statementsCsv(pack, (statement) => statementCorrection(lookup, pack.id, statement, (id) => entities.get(id))?.view),
  );
  return name;
}
