/** The elements Sourcelight draws on a page: custom tags for the card and the overlay, and an attribute the highlighter skips. */
export const CARD_TAG = 'sourcelight-card';
export const OVERLAY_TAG = 'sourcelight-overlay';
export const OWN_UI_ATTRIBUTE = 'data-sourcelight-ui';
/** Claim check's marks: a quotation or figure of the page that the sources also hold. A fixed contract, as names' are. */
export const CLAIM_CLASS = 'sourcelight-claim';
export const CLAIM_SELECTOR = `mark.${CLAIM_CLASS}`;
