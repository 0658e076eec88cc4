import type { PassportReaderErrorCode } from './errors';

type Message = { 'zh-CN': string; en: string };

/**
 * Officer-facing text for the passport reader's codes and for MRZ problems
 * (read by a reader or typed by the officer), for the renderer's vue-i18n
 * catalogue. `mrz-unknown-state` is a warning; the others stop the read.
 */
export const PASSPORT_READER_MESSAGES: Record<PassportReaderErrorCode, Message> = {
  'passport-reader-not-found': {
    'zh-CN': '未找到护照阅读器。请检查阅读器数据线是否插好；如已插好，请联系技术人员核对设备设置中的端口。',
    en: 'The passport reader was not found. Check that its cable is plugged in; if it is, ask support to check the port in the device settings.',
  },
  'passport-reader-busy': {
    'zh-CN': '护照阅读器正被其他程序占用。请关闭其他可能使用阅读器的软件后重试。',
    en: 'Another program is using the passport reader. Close any other software that may use it and try again.',
  },
  'passport-reader-permission-denied': {
    'zh-CN': '没有权限使用护照阅读器。请联系技术人员为本机配置设备权限。',
    en: 'The terminal is not allowed to use the passport reader. Ask support to set up the device permissions on this PC.',
  },
  'passport-reader-open-failed': {
    'zh-CN': '护照阅读器无法打开。请拔下阅读器数据线，等几秒再插上；如仍不行，请联系技术人员。',
    en: 'The passport reader could not be opened. Unplug it, wait a few seconds and plug it back in; if that does not help, contact support.',
  },
  'passport-reader-unplugged': {
    'zh-CN': '护照阅读器已断开。请检查数据线并重新插好，插好后会自动恢复。',
    en: 'The passport reader was disconnected. Check the cable and plug it back in; it will reconnect by itself.',
  },
  'passport-reader-line-too-long': {
    'zh-CN': '护照阅读器发来的内容过长，未能读取。请重新放入护照；如反复出现，请联系技术人员检查阅读器设置。',
    en: 'The passport reader sent too much data and it was not read. Insert the passport again; if it keeps happening, ask support to check the reader settings.',
  },
  'passport-reader-suffix-missing': {
    'zh-CN': '护照阅读器发来的内容不完整。请重新放入护照；如反复出现，请联系技术人员检查阅读器的结束符设置。',
    en: 'The passport reader sent incomplete data. Insert the passport again; if it keeps happening, ask support to check the reader\'s line ending setting.',
  },
  'passport-reader-garbled': {
    'zh-CN': '护照阅读器发来的内容有乱码。请重新放入护照。',
    en: 'The passport reader sent unreadable data. Insert the passport again.',
  },
  'passport-mrz-incomplete': {
    'zh-CN': '只读到护照机读码的一部分。请把护照资料页平放，重新放入阅读器。',
    en: 'Only part of the passport\'s machine readable zone was read. Lay the data page flat and insert the passport again.',
  },
  'passport-document-expired': {
    'zh-CN': '此证件已过有效期，请核对。',
    en: 'This document has expired; please check it.',
  },
  'mrz-empty': {
    'zh-CN': '没有读到护照机读码。请把护照资料页平放，重新放入阅读器，或手工输入机读码。',
    en: 'No machine readable zone was read. Lay the data page flat and insert the passport again, or type the zone in.',
  },
  'mrz-format-unknown': {
    'zh-CN': '机读码行数或长度不对（护照应为2行各44位，身份卡为3行各30位）。请重新读取或核对输入。',
    en: 'The zone has the wrong number or length of lines (passports: 2 lines of 44; cards: 3 lines of 30). Read it again or check what was typed.',
  },
  'mrz-invalid-characters': {
    'zh-CN': '机读码中有不应出现的字符（只能是大写字母、数字和“<”）。请重新读取或核对输入。',
    en: 'The zone contains characters that cannot appear in it (only capital letters, digits and "<"). Read it again or check what was typed.',
  },
  'mrz-check-digit': {
    'zh-CN': '机读码校验位不符，可能读错或输错。请重新读取；仍不符时请人工核对证件。',
    en: 'A check digit in the zone does not match: it was probably misread or mistyped. Read it again; if it still does not match, check the document by hand.',
  },
  'mrz-field-invalid': {
    'zh-CN': '机读码中有无效内容（如日期或性别）。请重新读取；仍有问题时请人工核对证件。',
    en: 'The zone has an invalid field (such as a date or sex). Read it again; if the problem remains, check the document by hand.',
  },
  'mrz-unknown-state': {
    'zh-CN': '机读码中的国家代码无法识别，请核对证件的签发国和国籍。',
    en: 'The country code in the zone is not recognised; please check the issuing country and nationality on the document.',
  },
};
