import { saveSettings, type Settings } from '../shared/settings';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';

/** The claim check switch; a change is saved at once and reaches open tabs through storage. */
export function createClaimCheckBox(box: HTMLInputElement, notice: Notice): { show(settings: Settings): void } {
  box.addEventListener('change', () => {
    saveSettings({ claimCheck: box.checked })
      .then(() =>
        notice.success(
          box.checked ? 'Saved: quotes and figures are checked.' : 'Saved: quotes and figures are not checked.',
        ),
      )
      .catch((error: unknown) => notice.error(`Not saved: ${errorText(error)}`));
  });
  return {
    show(settings) {
      box.checked = settings.claimCheck;
    },
  };
}
