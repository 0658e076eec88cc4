/**
 * The screens that may ask for the ID card reader's next readings. A reading
 * goes only to the screen that asked (the last one to ask owns the reader):
 * a card read at the certificate desk must not start a reception case.
 */
export const CARD_REQUESTERS = ['reception', 'registry', 'certificate', 'devices'] as const;
export type CardRequester = (typeof CARD_REQUESTERS)[number];
