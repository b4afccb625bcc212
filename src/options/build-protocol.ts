// What the options page and the build worker say to each other, and what the build worker's compile workers reply.
// Every end is ours, but the messages cross a context's edge, so each side parses what it receives.
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

/** A compile worker's reply to a task: its result, which the compiler checks (corpus/compile-tasks.ts), or an error. */
export const compileReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type CompileReply = z.infer<typeof compileReplySchema>;
