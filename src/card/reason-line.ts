import type { LinkReason } from '../shared/link-reason';
import { t } from '../shared/i18n';

/** Why this text of the page was linked to this entity, in the reader's words. */
export function reasonLine(reason: LinkReason, name: string): string {
  switch (reason.rule) {
    case 'full-name':
      return t('reasonFullName', name);
    case 'spelling-variant':
      return t('reasonSpellingVariant', name);
    case 'named-above':
      return t('reasonNamedAbove', name);
    case 'distinct-name':
      return t('reasonDistinctName');
    case 'qualified':
      return t('reasonQualified', reason.qualifier ?? '');
    case 'named-nearby':
      return reason.qualifier === undefined ? t('reasonNamedNearbyCountry') : t('reasonNamedNearby', reason.qualifier);
    case 'topic':
      return t('reasonTopic');
  }
}
