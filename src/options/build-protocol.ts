// What the options page and the build worker say to each other. Both ends are ours, but the messages cross a
// context's edge, so each side parses what it receives.
import { z } from 'zod';

export const buildRequestSchema = z.object({
  title: z.string().min(1),
  id: z.string().min(1),
  files: z.array(z.instanceof(File)).min(1),
});
export type BuildRequest = z.infer<typeof buildRequestSchema>;

export const buildReplySchema = z.discriminatedUnion('type', [
  /** After each document is read and checked. */
  z.object({ type: z.literal('progress'), read: z.number().int().nonnegative(), total: z.number().int().positive() }),
  /** Every document is read; the compiler is finding people, statements and questions. */
  z.object({ type: z.literal('compiling') }),
  z.object({ type: z.literal('done'), json: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type BuildReply = z.infer<typeof buildReplySchema>;
