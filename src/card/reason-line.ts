import type { LinkReason } from '../shared/link-reason';

/** Why this text of the page was linked to this entity, in the reader's words. */
export function reasonLine(reason: LinkReason, name: string): string {
  switch (reason.rule) {
    case 'full-name':
      return `Linked because this page names ${name} here.`;
    case 'spelling-variant':
      return `Linked because this page names ${name} here, spelt another way.`;
    case 'named-above':
      return `Linked because this page names ${name} in full above.`;
    case 'distinct-name':
      return 'Linked because this page writes this name as the sources do.';
    case 'qualified':
      return `Linked because this page writes it with “${reason.qualifier ?? ''}”, as the sources do.`;
    case 'named-nearby':
      return `Linked because this page names ${reason.qualifier ?? 'its country'} nearby, and the sources know one body of this name.`;
    case 'topic':
      return 'Linked because this page uses this phrase, as the sources do.';
  }
}
