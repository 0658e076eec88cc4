/**
 * The officer-facing text of every error and warning code, gathered from the
 * layers that define the codes. The renderer loads this table into vue-i18n
 * at start-up, so a code's words live next to the code that raises it and
 * nowhere else.
 */
import type { OfficerMessage } from '../contract/errors';
import { DOCUMENT_MESSAGES } from '../documents/messages';
import { DOCUMENT_SCANNER_MESSAGES } from '../drivers/document-scanner/messages';
import { ID_CARD_MESSAGES } from '../drivers/id-card/messages';
import { PASSPORT_READER_MESSAGES } from '../drivers/passport-reader/messages';
import { PRINTER_MESSAGES } from '../drivers/printer/messages';
import { SIGNATURE_PAD_MESSAGES } from '../drivers/signature-pad/messages';
import { SOCIAL_SECURITY_CARD_MESSAGES } from '../drivers/social-security-card/messages';
import { SIGNING_MESSAGES } from '../signing/messages';
import { SCANNER_GUN_MESSAGES } from '../drivers/scanner-gun/messages';
import { SYNC_MESSAGES } from '../sync/messages';
import { KIOSK_MESSAGES } from './kiosk/messages';
import { OCR_MESSAGES } from '../documents/ocr/messages';
import { REGISTRY_MESSAGES } from './registry/messages';
import { REGISTRY_CASE_MESSAGES } from './registry/case-messages';
import { CASE_INTEGRITY_MESSAGES } from './registry/case-integrity-messages';
import { REGISTRY_BUSINESS_MESSAGES } from './registry/business-messages';
import { OFFICER_SIGN_IN_MESSAGES } from './officers/messages';
import { SCOPE_MESSAGES } from './scope/messages';
import { APP_MESSAGES } from './app/messages';

export const OFFICER_MESSAGES: Record<string, OfficerMessage> = {
  ...ID_CARD_MESSAGES,
  ...SOCIAL_SECURITY_CARD_MESSAGES,
  ...PASSPORT_READER_MESSAGES,
  ...DOCUMENT_SCANNER_MESSAGES,
  ...SCANNER_GUN_MESSAGES,
  ...SYNC_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...PRINTER_MESSAGES,
  ...SIGNATURE_PAD_MESSAGES,
  ...SIGNING_MESSAGES,
  ...KIOSK_MESSAGES,
  ...OCR_MESSAGES,
  ...REGISTRY_MESSAGES,
  ...REGISTRY_CASE_MESSAGES,
  ...CASE_INTEGRITY_MESSAGES,
  ...REGISTRY_BUSINESS_MESSAGES,
  ...OFFICER_SIGN_IN_MESSAGES,
  ...SCOPE_MESSAGES,
  ...APP_MESSAGES,
};
