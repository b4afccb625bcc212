import { loadSettings, saveSettings, type Settings } from '../shared/settings';
import { el } from '../shared/ui/dom';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';
import { normaliseSite } from './site-name';
import { t } from '../shared/i18n';

export interface SiteListElements {
  globalSwitch: HTMLInputElement;
  list: HTMLUListElement;
  empty: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
}

export interface SiteList {
  /** Shows settings changed elsewhere (the popup's switches, another options tab). */
  show(settings: Settings): void;
}

/** The global switch and the sites where Sourcelight stays off, with Remove buttons and an add field. */
export function createSiteList(elements: SiteListElements, notice: Notice): SiteList {
  const { globalSwitch, list, empty, form, input } = elements;

  function show(settings: Settings): void {
    globalSwitch.checked = settings.enabled;
    const focusedSite = list.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.site
      : undefined;
    const sites = [...settings.disabledSites].sort();
    empty.hidden = sites.length > 0;
    list.replaceChildren(
      ...sites.map((site) => {
        const remove = el(
          'button',
          { type: 'button', class: 'danger', 'data-site': site },
          t('remove'),
          el('span', { class: 'visually-hidden' }, ` ${site}`),
        );
        remove.addEventListener('click', () => void removeSite(site, sites));
        return el('li', { class: 'site' }, el('span', { class: 'site-name', dir: 'ltr' }, site), remove);
      }),
    );
    if (focusedSite) list.querySelector<HTMLElement>(`[data-site="${CSS.escape(focusedSite)}"]`)?.focus();
  }

  async function update(change: (sites: string[]) => string[]): Promise<Settings> {
    // Read afresh so that a site added from the popup meanwhile is not lost.
    const current = await loadSettings();
    return saveSettings({ disabledSites: change(current.disabledSites) });
  }

  async function removeSite(site: string, shown: string[]): Promise<void> {
    // Focus moves to the next Remove button, or the add field when the list empties.
    const next = shown[shown.indexOf(site) + 1] ?? shown[shown.indexOf(site) - 1];
    try {
      show(await update((sites) => sites.filter((entry) => entry !== site)));
      const target = next ? list.querySelector<HTMLElement>(`[data-site="${CSS.escape(next)}"]`) : null;
      (target ?? input).focus();
      notice.success(t('siteRunsAgain', site));
    } catch (error) {
      notice.error(t('siteNotRemoved', site, errorText(error)));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value;
    const site = normaliseSite(typed);
    if (site === null) {
      notice.error(typed.trim() === '' ? t('siteTypeName') : t('siteNotName', typed.trim()));
      input.focus();
      return;
    }
    void (async () => {
      try {
        let added = false;
        show(
          await update((sites) => {
            added = !sites.includes(site);
            return added ? [...sites, site] : sites;
          }),
        );
        input.value = '';
        notice.success(t(added ? 'siteSkipped' : 'siteAlreadySkipped', site));
      } catch (error) {
        notice.error(t('siteNotAdded', site, errorText(error)));
      }
    })();
  });

  globalSwitch.addEventListener('change', () => {
    const enabled = globalSwitch.checked;
    saveSettings({ enabled }).then(
      () => notice.success(t(enabled ? 'globalOn' : 'globalOff')),
      (error: unknown) => {
        globalSwitch.checked = !enabled;
        notice.error(t('notSaved', errorText(error)));
      },
    );
  });

  return { show };
}
