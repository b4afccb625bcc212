import '../shared/zod-config';
import { errorText } from '../shared/error-text';
import { send, type backgroundMessages } from '../shared/messages';
import type { ResponseOf } from '../shared/message-protocol';
import type { CardFrameEvent } from '../shared/page-messages';
import { byId, el } from '../shared/ui/dom';
import { renderEntityView } from '../shared/ui/entity-view';
import { copyCitation } from '../shared/ui/copy-citation';
import { messageLinks, type Openers } from '../shared/ui/passage-links';
import { renderClaimView } from './claim-view';
import { reasonLine } from './reason-line';
import { createCardCorrections, focusCorrectionControl, type CorrectionFocus } from './corrections-view';
import { localizePage, t } from '../shared/i18n';

type CardRequest = ResponseOf<typeof backgroundMessages, 'takeCard'>;

/**
 * The card a highlight opens, as an extension page in a frame on the web page: the page can neither read nor
 * script it. It asks the background what to show, draws it, and tells its highlight's content script (through the
 * background) how tall it is and when the reader closes it.
 */
const dialog = byId('card');
const body = byId('body');
const closeButton = byId('close');

function tell(event: CardFrameEvent): void {
  send({ type: 'cardFrameEvent', event }).catch((error: unknown) =>
    console.error('Sourcelight: the card could not reach its page', error),
  );
}

function status(text: string, isError = false): void {
  body.replaceChildren(
    el('p', { class: isError ? 'sl-status sl-error' : 'sl-status', role: isError ? 'alert' : 'status' }, text),
  );
}

/** What the card's links open, through the background: a passage in the viewer, or an entity's own page. */
const openers: Openers = {
  passage: ({ packId, documentId, start, end }, inBackground) => {
    send({ type: 'openPassage', packId, documentId, start, end, inBackground }).catch((error: unknown) =>
      console.error('Sourcelight: could not open the source', error),
    );
  },
  entityPage: (entityId, inBackground) => {
    send({ type: 'openEntityPage', entityId, inBackground }).catch((error: unknown) =>
      console.error('Sourcelight: could not open the page', error),
    );
  },
};

/** The dialog is announced by its heading once the card is drawn. */
function labelBy(headingId: string): void {
  dialog.removeAttribute('aria-label');
  dialog.setAttribute('aria-labelledby', headingId);
}

/**
 * The card acts on no click when the page fades or blurs everything it draws, the card too (the content script
 * reports it): only its close button stays live. Bitwarden's and 1Password's 2025 fixes for clickjacking of injected
 * menus do the same.
 */
function refuseClicks(why: string): void {
  body.inert = true;
  dialog.prepend(el('p', { class: 'sl-status sl-error', role: 'alert' }, why));
}

async function show(): Promise<void> {
  const wanted = await send({ type: 'takeCard' });
  if (!wanted) {
    status(t('cardNothingToShow'));
    return;
  }
  if (wanted.faded) refuseClicks(t('cardFaded'));
  const headingId = 'sl-card-name';
  if ('claim' in wanted) {
    const claimCard = await send({ type: 'getClaimCard', claim: wanted.claim });
    if (!claimCard) {
      status(t('cardClaimGone'));
      return;
    }
    labelBy(headingId);
    body.replaceChildren(renderClaimView(claimCard, messageLinks(openers), headingId));
    return;
  }
  await drawEntityCard(wanted, headingId);
}

/** An entity's card, drawn again after a correction with focus back on the control that made it. */
async function drawEntityCard(
  wanted: Extract<NonNullable<CardRequest>, { entityId: string }>,
  headingId: string,
  focus?: CorrectionFocus,
): Promise<void> {
  const card = await send({ type: 'getEntityCard', entityId: wanted.entityId });
  if (!card) {
    status(t('nameNoLongerInCorpus'));
    return;
  }
  labelBy(headingId);
  const corrections = createCardCorrections({
    entity: card.entity,
    site: wanted.site,
    redraw: (next) => drawEntityCard(wanted, headingId, next),
  });
  const view = renderEntityView(card, messageLinks(openers), headingId, copyCitation, corrections.statementActions);
  // Under the name, where the reader looks first: why this text of the page was linked to it.
  const reason = el('p', { class: 'sl-reason' }, reasonLine(wanted.reason, card.entity.name));
  const header = view.querySelector('.sl-header');
  if (header) header.after(reason);
  else view.prepend(reason);
  reason.after(corrections.entityActions());
  body.replaceChildren(view);
  if (focus) focusCorrectionControl(view, focus);
}

localizePage();
closeButton.addEventListener('click', () => tell({ kind: 'close' }));
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  tell({ kind: 'close' });
});
dialog.focus({ preventScroll: true });
show()
  .catch((error: unknown) => status(t('cardFailed', errorText(error)), true))
  .finally(() => {
    // Sizes only once the card is drawn, so that the frame shows at its place and does not jump there. The frame
    // is as tall as the card, up to the room its highlight leaves, which the content script knows.
    new ResizeObserver(() => tell({ kind: 'size', height: Math.ceil(dialog.getBoundingClientRect().height) })).observe(
      dialog,
    );
  });
