/** The elements Sourcelight draws on a page: a custom tag for the card, and an attribute the highlighter skips. */
export const CARD_TAG = 'sourcelight-card';
export const OWN_UI_ATTRIBUTE = 'data-sourcelight-ui';
