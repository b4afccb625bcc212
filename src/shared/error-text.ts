/** The message of anything thrown, as a sentence for the page or a reply. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
