/**
 * Marks on the performance timeline along a restarted background's way to its first search answer, each made once
 * per background, so a long-lived one keeps no growing list. The popup bench reads them to say where a cold start's
 * time goes; a developer sees them in the browser's performance tools.
 */
export const START_MARKS = [
  /** main.ts has run: the background's script is loaded and evaluated. */
  'evaluated',
  /** The search index's record asked of IndexedDB, and read: the browser's read and structured clone. */
  'index-read-start',
  'index-read',
  /** The record checked and the index made from it. */
  'index-imported',
  /** The first-keystroke table asked of IndexedDB, read and checked. */
  'prefix-read-start',
  'prefix-read',
  /** The first search message received, and its answer ready to send. */
  'search-received',
  'search-answered',
] as const;
export type StartMark = (typeof START_MARKS)[number];

/** Marks are named with this before the name above, so nothing else on the timeline is taken for them. */
export const START_MARK_PREFIX = 'sourcelight:';

const made = new Set<StartMark>();

export function markOnce(name: StartMark): void {
  if (made.has(name)) return;
  made.add(name);
  performance.mark(`${START_MARK_PREFIX}${name}`);
}
