import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { errorText } from './error-text';

/**
 * How the extension's contexts talk: each table lists requests and their responses as zod schemas (of the full zod
 * or of zod/mini: both are checked the same way), every reply comes in one envelope, and every request and reply is
 * checked against its table where it arrives. The tables: what a web page's content script sends and answers
 * (`page-messages.ts`, kept apart so that a page loads only its own schemas) and everything the background answers
 * (`messages.ts`, the page's requests among them).
 */
export type Table = Record<string, { request: z.core.$ZodType<{ type: string }>; response: z.core.$ZodType }>;
export type RequestOf<T extends Table, K extends keyof T> = z.infer<T[K]['request']>;
export type ResponseOf<T extends Table, K extends keyof T> = z.infer<T[K]['response']>;

/** Every reply is wrapped so that a failure arrives as a readable error, never as a silent undefined. */
const replyEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof replyEnvelope>;

export class MessageError extends Error {
  override name = 'MessageError';
}

function summariseIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`)
    .join('; ');
}

/** Reads an untrusted message against a table: the parsed request, or an error that says what was wrong. */
export function parseRequest<T extends Table>(
  table: T,
  raw: unknown,
): { type: keyof T & string; request: unknown } | { error: string } {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { type?: unknown }).type !== 'string') {
    return { error: 'Malformed message: expected an object with a string "type".' };
  }
  const type = (raw as { type: string }).type;
  // Own keys only, so "toString" or "__proto__" is unknown rather than an inherited function.
  const entry = Object.hasOwn(table, type) ? table[type] : undefined;
  if (!entry) return { error: `Unknown message type "${type.slice(0, 60)}".` };
  const parsed = z.safeParse(entry.request, raw);
  if (!parsed.success) return { error: `Invalid "${type}" message: ${summariseIssues(parsed.error)}` };
  return { type, request: parsed.data };
}

/** The response in a reply to a request of `type`, checked against the table; failures throw MessageError. */
export function unwrapReply<T extends Table, K extends keyof T>(table: T, type: K, raw: unknown): ResponseOf<T, K> {
  const envelope = z.safeParse(replyEnvelope, raw);
  if (!envelope.success) throw new MessageError(`No valid reply to "${String(type)}".`);
  if (!envelope.data.ok) throw new MessageError(envelope.data.error);
  const entry = table[type];
  if (!entry) throw new MessageError(`Unknown message type "${String(type)}".`);
  const data = z.safeParse(entry.response, envelope.data.data);
  if (!data.success) throw new MessageError(`Invalid reply to "${String(type)}": ${summariseIssues(data.error)}`);
  return data.data as ResponseOf<T, K>;
}

/** Sends a request of `table` to the background and returns its parsed response; failures throw MessageError. */
export async function sendToBackground<T extends Table, K extends keyof T & string>(
  table: T,
  request: RequestOf<T, K> & { type: K },
): Promise<ResponseOf<T, K>> {
  const raw: unknown = await browser.runtime.sendMessage(request);
  return unwrapReply(table, request.type, raw);
}

export type Handlers<T extends Table> = {
  [K in keyof T]: (
    request: RequestOf<T, K>,
    sender: browser.Runtime.MessageSender,
  ) => Promise<ResponseOf<T, K>> | ResponseOf<T, K>;
};

/**
 * Builds a runtime.onMessage listener from a map of handlers. Messages from outside this extension,
 * malformed and unknown messages get an error reply; a throwing handler becomes an error reply too.
 */
export function createMessageListener<T extends Table>(table: T, handlers: Handlers<T>) {
  return (raw: unknown, sender: browser.Runtime.MessageSender): Promise<Reply> => {
    if (sender.id !== browser.runtime.id) {
      return Promise.resolve({ ok: false, error: 'Messages are accepted from this extension only.' });
    }
    const parsed = parseRequest(table, raw);
    if ('error' in parsed) return Promise.resolve({ ok: false, error: parsed.error });
    const handler = handlers[parsed.type] as (request: unknown, sender: browser.Runtime.MessageSender) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.request, sender))
      .then((data): Reply => ({ ok: true, data }))
      .catch((error: unknown): Reply => ({ ok: false, error: errorText(error) }));
  };
}
