import { describe, expect, it } from 'vitest';
import type { LinkReason } from '../shared/link-reason';
import { reasonLine } from './reason-line';

describe('the card says why the page was linked', () => {
  it.each<[LinkReason, string]>([
    [{ rule: 'full-name' }, 'Linked because this page names David Jones here.'],
    [{ rule: 'named-above' }, 'Linked because this page names David Jones in full above.'],
    [{ rule: 'distinct-name' }, 'Linked because this page writes this name as the sources do.'],
    [
      { rule: 'qualified', qualifier: 'Iran’s' },
      'Linked because this page writes it with “Iran’s”, as the sources do.',
    ],
    [
      { rule: 'named-nearby', qualifier: 'Iran' },
      'Linked because this page names Iran nearby, and the sources know one body of this name.',
    ],
    [{ rule: 'topic' }, 'Linked because this page uses this phrase, as the sources do.'],
  ])('%o', (reason, line) => {
    expect(reasonLine(reason, 'David Jones')).toBe(line);
  });
});
