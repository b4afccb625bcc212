import { t, uiLanguage } from './i18n';

/** Largest pack accepted for import, as JSON text. */
export const MAX_PACK_JSON_LENGTH = 50_000_000;
/**
 * A pack crosses to the background in parts of this many characters. A message is capped (64 MiB in Chromium, counted
 * as escaped UTF-8), which a pack of non-Latin text would pass well below MAX_PACK_JSON_LENGTH; a part stays under
 * that cap whatever its characters (at most 3 bytes each, doubled by escaping).
 */
export const PACK_PART_LENGTH = 4_000_000;
export const MAX_PACK_PARTS = Math.ceil(MAX_PACK_JSON_LENGTH / PACK_PART_LENGTH);

/**
 * A pack's JSON text cut into parts of at most `partLength` characters, never between the two halves of a
 * surrogate pair (a lone half would not survive the message). An empty text is one empty part.
 */
export function packParts(json: string, partLength = PACK_PART_LENGTH): string[] {
  const parts: string[] = [];
  let start = 0;
  do {
    let end = Math.min(json.length, start + partLength);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(json.slice(start, end));
    start = end;
  } while (start < json.length);
  return parts;
}

/** The parts received so far of the packs being sent, by upload; joined and forgotten when the import asks. */
export class PackUploads {
  private readonly uploads = new Map<string, string[]>();

  constructor(private readonly maxLength = MAX_PACK_JSON_LENGTH) {}

  receive(uploadId: string, index: number, text: string): void {
    const parts = this.uploads.get(uploadId) ?? [];
    // One upload at a time: the options page imports one pack at a time, and a stale upload must not hold memory.
    if (!this.uploads.has(uploadId)) this.uploads.clear();
    if (index !== parts.length) throw new Error(t('partsOutOfOrder', index + 1));
    const length = parts.reduce((sum, part) => sum + part.length, text.length);
    if (length > this.maxLength) {
      this.uploads.delete(uploadId);
      throw new Error(t('partsTooLarge', this.maxLength));
    }
    parts.push(text);
    this.uploads.set(uploadId, parts);
  }

  take(uploadId: string, parts: number): string {
    const received = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (received?.length !== parts) throw new Error(t('partsIncomplete', received?.length ?? 0, parts));
    return received.join('');
  }
}

/** "62.3 MB", for size limits a reader can compare with what the file manager shows, in the UI language. */
export function formatSize(bytes: number): string {
  const [amount, unit, display] =
    bytes < 1_000
      ? ([bytes, 'byte', 'long'] as const)
      : bytes < 1_000_000
        ? ([bytes / 1_000, 'kilobyte', 'short'] as const)
        : ([bytes / 1_000_000, 'megabyte', 'short'] as const);
  const decimals = unit === 'byte' ? 0 : 1;
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit,
    unitDisplay: display,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount);
}
