import { entityKind, type EntityKind } from '../shared/entity-kind';
import { saveSettings, type Settings } from '../shared/settings';
import { el } from '../shared/ui/dom';
import { errorText } from '../shared/error-text';
import type { Notice } from './notice';

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'People',
  organisation: 'Organisations',
  topic: 'Topics',
  place: 'Places',
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
    fieldset.append(el('label', { class: 'check', for: `kind-${kind}` }, box, ' ', KIND_LABELS[kind]));
    box.addEventListener('change', () => void save());
  }

  async function save(): Promise<void> {
    const highlightKinds = entityKind.options.filter((kind) => boxes.get(kind)?.checked);
    try {
      await saveSettings({ highlightKinds });
      const names = highlightKinds.map((kind) => KIND_LABELS[kind].toLowerCase());
      notice.success(
        names.length === 0
          ? 'Saved: nothing is highlighted until you tick a kind.'
          : `Saved: ${names.join(', ')} are highlighted.`,
      );
    } catch (error) {
      notice.error(`Not saved: ${errorText(error)}`);
    }
  }

  return {
    show(settings) {
      for (const [kind, box] of boxes) box.checked = settings.highlightKinds.includes(kind);
    },
  };
}
