import { formatSize, MAX_PACK_JSON_LENGTH } from '../shared/pack-parts';
import { t } from '../shared/i18n';

export function tooLargeMessage(name: string, bytes: number): string {
  return t('fileTooLarge', name, formatSize(bytes), formatSize(MAX_PACK_JSON_LENGTH));
}

/**
 * The text of a chosen or dropped pack file. The size is checked before reading, so a huge file is refused without
 * being loaded; a UTF-8 file has at least as many bytes as characters, so the byte limit also bounds the JSON length.
 */
export async function readPackFile(file: File): Promise<string> {
  if (file.size > MAX_PACK_JSON_LENGTH) throw new Error(tooLargeMessage(file.name, file.size));
  if (file.size === 0) throw new Error(t('fileEmpty', file.name));
  return file.text();
}
