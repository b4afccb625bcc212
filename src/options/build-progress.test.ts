import { describe, expect, it } from 'vitest';
import { progressText } from './build-progress';

describe('progressText', () => {
  it('says how many documents were read and the whole percentage reached', () => {
    expect(progressText(12, 50)).toBe('Read 12 of 50 documents (24%)');
    expect(progressText(1, 1)).toBe('Read 1 of 1 document (100%)');
  });

  it('never rounds up to a percentage not yet reached, nor down below one that is', () => {
    expect(progressText(2, 3)).toBe('Read 2 of 3 documents (66%)');
    expect(progressText(49, 50)).toBe('Read 49 of 50 documents (98%)');
    // 29 / 50 * 100 is 57.99999999999999 in floating point.
    for (let read = 0; read <= 50; read++)
      expect(progressText(read, 50)).toBe(`Read ${read} of 50 documents (${read * 2}%)`);
  });
});
