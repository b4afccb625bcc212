import { entityKind, type EntityKind } from '../shared/entity-kind';
import { saveSettings, type Settings } from '../shared/settings';
import { el } from '../shared/ui/dom';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';
import { t, type MessageKey } from '../shared/i18n';

const KIND_LABELS: Record<EntityKind, MessageKey> = {
  person: 'kindsPeople',
  organisation: 'kindsOrganisations',
  topic: 'kindsTopics',
  place: 'kindsPlaces',
};
/** Each kind as a sentence names it ("people"). */
const KIND_NAMES: Record<EntityKind, MessageKey> = {
  person: 'kindsPeopleInSentence',
  organisation: 'kindsOrganisationsInSentence',
  topic: 'kindsTopicsInSentence',
  place: 'kindsPlacesInSentence',
};

export interface KindBoxes {
  /** Shows settings changed elsewhere (the popup, another options tab). */
  show(settings: Settings): void;
}

/** One checkbox per kind of entity; each change is saved at once and reaches open tabs through storage. */
export function createKindBoxes(fieldset: HTMLFieldSetElement, notice: Notice): KindBoxes {
  const boxes = new Map<EntityKind, HTMLInputElement>();
  for (const kind of entityKind.options) {
    const box = el('input', { type: 'checkbox', id: `kind-${kind}`, name: 'kind', value: kind });
    boxes.set(kind, box);
    fieldset.append(el('label', { class: 'check', for: `kind-${kind}` }, box, ' ', t(KIND_LABELS[kind])));
    box.addEventListener('change', () => void save());
  }

  async function save(): Promise<void> {
    const highlightKinds = entityKind.options.filter((kind) => boxes.get(kind)?.checked);
    try {
      await saveSettings({ highlightKinds });
      const names = highlightKinds.map((kind) => t(KIND_NAMES[kind]));
      notice.success(names.length === 0 ? t('kindsNone') : t('kindsSaved', names.join(t('commaSeparator'))));
    } catch (error) {
      notice.error(t('notSaved', errorText(error)));
    }
  }

  return {
    show(settings) {
      for (const [kind, box] of boxes) box.checked = settings.highlightKinds.includes(kind);
    },
  };
}
