// A corpus the reader subscribes to by its address: what is stored about it, and what the options page is told.
import { z } from 'zod';
import { packIntegrity } from './pack-integrity';

/** How often a subscribed pack is checked for a new version, in hours: the choices the options page offers. */
export const CHECK_INTERVALS_HOURS = [1, 6, 24, 168] as const;
export const DEFAULT_CHECK_INTERVAL_HOURS = 24;

const when = z.string().datetime();

export const subscription = z.object({
  url: z.string().url().max(2_000),
  integrity: packIntegrity,
  intervalHours: z
    .number()
    .refine((h) => (CHECK_INTERVALS_HOURS as readonly number[]).includes(h), 'not an interval the options page offers')
    .default(DEFAULT_CHECK_INTERVAL_HOURS),
  /** The id of the pack it provides, from its first good download on; a later version must keep it. */
  packId: z.string().max(200).optional(),
  /** The server's validators of the stored version, to ask next time only whether it changed. */
  etag: z.string().max(1_000).optional(),
  lastModified: z.string().max(200).optional(),
  /** When the stored version was downloaded, checked and stored: the last good update. */
  updatedAt: when.optional(),
  /** When the last check ended, well or not, and why it failed if it did (the stored corpus is then untouched). */
  checkedAt: when.optional(),
  problem: z.string().max(2_000).optional(),
  /**
   * When a check began that has not ended. Firefox ends an idle event page after 30 s, fetch or not: a check it cuts
   * off on a server that hangs is recorded from this at the next look, rather than never.
   */
  checkStartedAt: when.optional(),
});
export type Subscription = z.infer<typeof subscription>;

export const subscriptionList = z.array(subscription).max(100);

/** What the reader asks for on the options page. */
export const newSubscription = subscription.pick({ url: true, integrity: true, intervalHours: true });
export type NewSubscription = z.infer<typeof newSubscription>;
