import { loadSettings, saveSettings } from '../shared/settings';
import { t } from '../shared/i18n';

/** The global switch and the switch for the current site; both take effect at once in every open tab. */
export async function bindSwitches(
  site: string | null,
  siteSwitch: HTMLInputElement,
  siteLabel: HTMLElement,
  globalSwitch: HTMLInputElement,
): Promise<void> {
  // Both switches start disabled in the page and come alive once they show the stored settings.
  const settings = await loadSettings();
  globalSwitch.checked = settings.enabled;
  globalSwitch.disabled = false;
  if (site === null) {
    siteLabel.textContent = t('popupSiteUnavailable');
  } else {
    siteSwitch.checked = !settings.disabledSites.includes(site);
    siteLabel.textContent = t('popupSiteOnFor', site);
    siteSwitch.disabled = false;
  }
  siteSwitch.addEventListener('change', async () => {
    if (site === null) return;
    const { disabledSites } = await loadSettings();
    const others = disabledSites.filter((entry) => entry !== site);
    await saveSettings({ disabledSites: siteSwitch.checked ? others : [...others, site] });
  });
  globalSwitch.addEventListener('change', async () => {
    await saveSettings({ enabled: globalSwitch.checked });
  });
}
