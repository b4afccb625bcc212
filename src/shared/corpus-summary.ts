import { z } from 'zod';

export const packCounts = z.object({
  documents: z.number().int(),
  people: z.number().int(),
  organisations: z.number().int(),
  topics: z.number().int(),
  places: z.number().int(),
  statements: z.number().int(),
  questions: z.number().int(),
});
export type PackCounts = z.infer<typeof packCounts>;

/** What the corpus list shows about one stored pack. */
export const packSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  installedAt: z.string(),
  enabled: z.boolean(),
  builtIn: z.boolean(),
  counts: packCounts,
});
export type PackSummary = z.infer<typeof packSummary>;

/** What the popup and options page show about the stored corpora. */
export const corpusSummary = z.object({
  packs: z.array(packSummary),
  /** Counts over the enabled packs. */
  totals: packCounts,
  /** Things the store had to repair, in words a reader understands. */
  problems: z.array(z.string()),
});
export type CorpusSummary = z.infer<typeof corpusSummary>;
