// What the options page, its build worker and its compile workers say to each other. Every end is ours, but the
// messages cross a context's edge, so each side parses what it receives.
import { z } from 'zod';

export const buildRequestSchema = z.object({
  type: z.literal('build'),
  title: z.string().min(1),
  id: z.string().min(1),
  files: z.array(z.instanceof(File)).min(1),
  /** The build worker's ends of the channels to the compile workers the page started for it; none to compile here. */
  compilePorts: z.array(z.instanceof(MessagePort)),
});
export type BuildRequest = z.infer<typeof buildRequestSchema>;

/** What the page sends the build worker: the build, then perhaps that one of its compile workers stopped. */
export const buildWorkerMessageSchema = z.discriminatedUnion('type', [
  buildRequestSchema,
  z.object({ type: z.literal('compileWorkerStopped'), index: z.number().int().nonnegative(), message: z.string() }),
]);
export type BuildWorkerMessage = z.infer<typeof buildWorkerMessageSchema>;

export const buildReplySchema = z.discriminatedUnion('type', [
  /** As the build starts (none read yet), then after each document is read and checked. */
  z.object({ type: z.literal('progress'), read: z.number().int().nonnegative(), total: z.number().int().positive() }),
  /** Every document is read; the compiler is finding people, statements and questions. */
  z.object({ type: z.literal('compiling') }),
  /**
   * `fallback`: the compile workers that dropped out (why, as the browser said it) and how many threads compiled
   * instead; the page says it to the reader in the UI's language.
   */
  z.object({
    type: z.literal('done'),
    json: z.string(),
    fallback: z.object({ reasons: z.array(z.string()), threads: z.number() }).optional(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type BuildReply = z.infer<typeof buildReplySchema>;

/** The page's first message to a compile worker: its end of the channel to the build worker. */
export const compileWorkerStartSchema = z.object({ port: z.instanceof(MessagePort) });
export type CompileWorkerStart = z.infer<typeof compileWorkerStartSchema>;

/**
 * What a compile worker sends the build worker: that it has loaded and listens, then for each task its result,
 * which the compiler checks (corpus/compile-tasks.ts), or why it failed.
 */
export const compileReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), result: z.unknown() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type CompileReply = z.infer<typeof compileReplySchema>;
