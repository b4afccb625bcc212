import { saveSettings, type Settings } from '../shared/settings';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';
import { t } from '../shared/i18n';

type Switch = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** A switch of the settings (claim check, own corpora on pages); a change is saved at once and reaches open tabs. */
export function createSettingBox(
  box: HTMLInputElement,
  notice: Notice,
  setting: Switch,
  said: { on: string; off: string },
): { show(settings: Settings): void } {
  box.addEventListener('change', () => {
    saveSettings({ [setting]: box.checked })
      .then(() => notice.success(box.checked ? said.on : said.off))
      .catch((error: unknown) => notice.error(t('notSaved', errorText(error))));
  });
  return {
    show(settings) {
      box.checked = settings[setting];
    },
  };
}
