import * as z from 'zod/mini';

/** What an entity of a corpus is. Apart from the pack's schema so that a page's script loads the kinds alone. */
export const entityKind = z.enum(['person', 'organisation', 'topic', 'place']);
export type EntityKind = z.infer<typeof entityKind>;
