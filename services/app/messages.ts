/** Officer-facing text for refusals of the use cases in this folder. */
import type { OfficerMessage } from '../../contract/errors';

export const APP_MESSAGES: Record<string, OfficerMessage> = {
  'certificate-case-required': {
    'zh-CN': '证书编号只能在办件中签发：请先为这对当事人开始登记办件，再打印证书。',
    en: 'A certificate number is issued only within a case: open the registration case for the couple first, then print.',
  },
  'certificate-case-unknown': {
    'zh-CN': '本终端没有所选的办件，证书不能打印。请重新为这对当事人开始登记办件后再打印。',
    en: 'The chosen case is not on this terminal, so the certificate cannot print. Open the couple’s registration case again and print.',
  },
  'certificate-case-mismatch': {
    'zh-CN': '作废的证书编号 {number} 属于另一办件，补打的证书须在原办件中签发。',
    en: 'The spoiled number {number} belongs to another case; the reprint must be issued in that case.',
  },
};
