import type { SpeakerCorrectionView } from '../corrections';
import { t } from '../i18n';
import { el } from './dom';

/**
 * How every view marks a statement whose speaker the reader corrected: "corrected by you", with the speaker the
 * source's text gives beside it, so the original is never hidden.
 */

/** Whom the source's text gives the words to. */
const sourceSays = (view: SpeakerCorrectionView): string =>
  view.sourceSpeakerName === null ? t('correctionSourceNamesNone') : t('correctionSourceGives', view.sourceSpeakerName);

/** The speaker as the reader corrected it, for a one-line listing (the popup's search). */
export const correctedSpeakerLine = (view: SpeakerCorrectionView): string =>
  t('correctedSpeakerLine', view.speakerName ?? t('speakerNotClear'), sourceSays(view));

/** The sentence under a corrected statement. */
export function correctionSentence(view: SpeakerCorrectionView): string {
  const said = view.speakerName === null ? t('correctionSaidUnclear') : t('correctionSaidBy', view.speakerName);
  return t('correctionSentence', said, sourceSays(view));
}

/** The note under a corrected statement in a card. */
export const correctionNote = (view: SpeakerCorrectionView): HTMLElement =>
  el(
    'p',
    { class: 'sl-correction-note' },
    el('span', { class: 'sl-badge sl-corrected' }, t('correctedByYou')),
    ` ${correctionSentence(view)}`,
  );
