import { loadSettings, saveSettings, type Settings } from '../shared/settings';
import { el } from '../shared/ui/dom';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';
import { normaliseSite } from './site-name';

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
          'Remove',
          el('span', { class: 'visually-hidden' }, ` ${site}`),
        );
        remove.addEventListener('click', () => void removeSite(site, sites));
        return el('li', { class: 'site' }, el('span', { class: 'site-name' }, site), remove);
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
      notice.success(`Sourcelight runs on ${site} again.`);
    } catch (error) {
      notice.error(`${site} could not be removed: ${errorText(error)}`);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value;
    const site = normaliseSite(typed);
    if (site === null) {
      notice.error(
        typed.trim() === ''
          ? 'Type a site name such as example.com.'
          : `“${typed.trim()}” is not a site name or web address.`,
      );
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
        notice.success(added ? `Sourcelight will stay off on ${site}.` : `${site} is already skipped.`);
      } catch (error) {
        notice.error(`${site} could not be added: ${errorText(error)}`);
      }
    })();
  });

  globalSwitch.addEventListener('change', () => {
    const enabled = globalSwitch.checked;
    saveSettings({ enabled }).then(
      () =>
        notice.success(
          enabled ? 'Sourcelight is on: pages are highlighted.' : 'Sourcelight is off: no page is highlighted.',
        ),
      (error: unknown) => {
        globalSwitch.checked = !enabled;
        notice.error(`Not saved: ${errorText(error)}`);
      },
    );
  });

  return { show };
}
