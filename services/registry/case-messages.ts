/** Officer-facing text of the registry desk's case errors. */
type Message = { 'zh-CN': string; en: string };

export const REGISTRY_CASE_MESSAGES: Record<string, Message> = {
  'registry-papers-missing': {
    'zh-CN': '还有 {count} 份签字材料未扫描归档：{missing}。请当事人签名按指纹后扫描或拍摄，再办结。',
    en: '{count} signed paper(s) not captured yet: {missingEn}. Have them signed and fingerprinted, scan or photograph them, then complete.',
  },
  'registry-documents-missing': {
    'zh-CN': '还有 {count} 份材料未扫描归档：{missing}。证件和证明材料请核对原件后扫描或拍摄，签字材料请当事人签名按指纹后扫描或拍摄，再办结。',
    en: '{count} item(s) not captured yet: {missingEn}. Check the documents and certificates against the originals and scan or photograph them; have the papers signed and fingerprinted and capture them; then complete.',
  },
  'registry-document-not-required': {
    'zh-CN': '本件登记不需要{party}提交“{document}”，未归档。请核对当事人和材料后重新选择。',
    en: 'This registration does not need the {documentEn} of {party}; nothing was recorded. Check the party and the document.',
  },
  'registry-case-unknown': {
    'zh-CN': '找不到这件登记业务（已办结或从未开始），请重新开始办理。',
    en: 'This registration is not held (completed, or never started); start it again.',
  },
  'registry-recapture-needed': {
    'zh-CN': '以下已采集的材料在本机已找不到：{names}。请重新扫描或拍摄后再办结（审查例外的证明材料请在审查区重新扫描，例外理由保留）。',
    en: 'These captured materials are no longer on this terminal: {namesEn}. Scan or photograph them again, then complete (the override document is re-scanned in the review area; its reason stands).',
  },
  'registry-case-completed': {
    'zh-CN': '这件登记业务已办结归档，不能再修改。',
    en: 'This registration is completed and archived; it cannot be changed.',
  },
  'registry-paper-not-printable': {
    'zh-CN': '本终端不打印“{paper}”，请使用当事人提交的纸质文书并扫描归档。',
    en: 'The desk does not print "{paperEn}"; capture the paper the parties brought.',
  },
  'registry-photo-not-jpeg': {
    'zh-CN': '照片须为 JPEG 图像，请重新拍摄或扫描。',
    en: 'A photo must be a JPEG image; take or scan it again.',
  },
  'registry-case-abandon-issued': {
    'zh-CN': '本办件已签发证书编号 {numbers}，须先作废这些证书后才能放弃办件。',
    en: 'Certificate numbers {numbers} were issued in this case; void them before abandoning it.',
  },
  'registry-case-abandon-reason': {
    'zh-CN': '放弃办件须填写原因。',
    en: 'Give a reason for abandoning the case.',
  },
  'registry-case-completing': {
    'zh-CN': '办件正在归档，不能放弃。',
    en: 'The case is being archived and cannot be abandoned.',
  },
};
