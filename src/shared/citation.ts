import { z } from 'zod';
import { isoDate } from '../corpus/pack';

/**
 * What cites a source document beside its title: who published it, when, and its address. These carry what a pack
 * import already checked, so they repeat none of corpusDocument's limits.
 */
export const citation = z.object({
  publisher: z.string().optional(),
  date: isoDate.optional(),
  url: z.string().optional(),
});
export type Citation = z.infer<typeof citation>;
