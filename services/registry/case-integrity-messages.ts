/** Officer-facing text of the refusals that keep a registry case whole and its certificates its own. */
import type { OfficerMessage } from '../../contract/errors';

export const CASE_INTEGRITY_MESSAGES: Record<string, OfficerMessage> = {
  'registry-case-incomplete': {
    'zh-CN': '本办件尚未办齐，不能办结：{missing}。请补齐后再办结。',
    en: 'The case is not complete yet: {missingEn}. Complete these, then finish the case.',
  },
  'registry-case-issuing': {
    'zh-CN': '本办件的证书正在打印签发，请待打印完成后再办结。',
    en: 'A certificate is being issued in this case; complete it once the print is done.',
  },
  'certificate-case-completed': {
    'zh-CN': '该办件已办结归档，不能再在其中签发或补打证书。如需补打，请作废后按补领证书办理。',
    en: 'The case is completed and archived; no certificate can be issued or reprinted in it any more.',
  },
  'certificate-case-business': {
    'zh-CN': '所选办件是“{business}”业务，不能签发 {type} 字号证书。请为本业务开始相应的办件。',
    en: 'The chosen case is a "{business}" case; a {type} certificate cannot be issued in it. Open the matching case.',
  },
  'certificate-case-parties': {
    'zh-CN': '证书上的当事人与所选办件的当事人不一致，证书不能在该办件中签发。请为这对当事人开始新的办件。',
    en: "The certificate's parties are not the chosen case's; open a new case for these parties.",
  },
  'registry-case-business-mismatch': {
    'zh-CN': '所选办件是“{business}”业务，不能在其中办理此项。',
    en: 'The chosen case is a "{business}" case; this cannot be done in it.',
  },
  'registry-case-parties-mismatch': {
    'zh-CN': '当事人与所选办件的当事人不一致，请为这些当事人开始新的办件。',
    en: "The parties are not the chosen case's; open a new case for them.",
  },
  'registry-same-person': {
    'zh-CN': '两位当事人的证件号码相同（{idNumber}），同一人不能作为双方当事人。请读取另一方的证件。',
    en: 'Both parties have the same ID number ({idNumber}); one person cannot be both parties. Read the other party\'s document.',
  },
  'registry-parties-incomplete': {
    'zh-CN': '本业务须由 {count} 位当事人到场并读取证件后才能办理（含打印文书）。请先读取全部当事人的证件。',
    en: 'This business needs {count} parties identified from their documents before anything is done or printed.',
  },
  'registry-party-card-expired': {
    'zh-CN': '当事人{n}的证件已过有效期，不能办理登记。请当事人持有效证件办理。',
    en: "Party {n}'s card has expired; registration needs a valid document.",
  },
  'registry-party-passport-invalid': {
    'zh-CN': '当事人{n}的护照机读码校验未通过，不能办理。请重新读取有效护照。',
    en: "Party {n}'s passport zone failed its check digits; read a valid passport.",
  },
  'registry-party-passport-expired': {
    'zh-CN': '当事人{n}的护照已过有效期，不能办理登记。',
    en: "Party {n}'s passport has expired; registration needs a valid document.",
  },
  'registry-party-nationality-unknown': {
    'zh-CN': '当事人{n}的国籍无法识别，不能办理。请核对证件。',
    en: "Party {n}'s nationality is not recognised; check the document.",
  },
};
