import type { ScannerGunErrorCode } from './errors';

type Message = { 'zh-CN': string; en: string };

/**
 * Officer-facing text for each code of the scanner-gun drivers and for the
 * e-invoice warnings of the payload classifier, for the renderer's vue-i18n
 * catalogue: what happened and what to do, in plain words.
 */
export const SCANNER_GUN_MESSAGES: Record<ScannerGunErrorCode | 'scanner-gun-payload-rule-assumed' | 'e-invoice-code-unusual' | 'e-invoice-amount-unusual' | 'e-invoice-check-code-unusual' | 'e-invoice-extra-field', Message> = {
  'scanner-gun-not-found': {
    'zh-CN': '未找到扫码枪。请检查扫码枪数据线是否插好；如已插好，请联系技术人员核对设备设置中的端口。',
    en: 'The scanner gun was not found. Check that its cable is plugged in; if it is, ask support to check the port in the device settings.',
  },
  'scanner-gun-busy': {
    'zh-CN': '扫码枪正被其他程序占用。请关闭其他可能使用扫码枪的软件后重试。',
    en: 'Another program is using the scanner gun. Close any other software that may use it and try again.',
  },
  'scanner-gun-permission-denied': {
    'zh-CN': '没有权限使用扫码枪。请联系技术人员为本机配置设备权限。',
    en: 'The terminal is not allowed to use the scanner gun. Ask support to set up the device permissions on this PC.',
  },
  'scanner-gun-open-failed': {
    'zh-CN': '扫码枪无法打开。请拔下扫码枪数据线，等几秒再插上；如仍不行，请联系技术人员。',
    en: 'The scanner gun could not be opened. Unplug it, wait a few seconds and plug it back in; if that does not help, contact support.',
  },
  'scanner-gun-unplugged': {
    'zh-CN': '扫码枪已断开。请检查数据线并重新插好，插好后会自动恢复。',
    en: 'The scanner gun was disconnected. Check the cable and plug it back in; it will reconnect by itself.',
  },
  'scanner-gun-line-too-long': {
    'zh-CN': '扫到的内容过长，未能读取。请重新扫码；如反复出现，请联系技术人员检查扫码枪的结束符设置。',
    en: 'The scanned content was too long and was not read. Scan again; if it keeps happening, ask support to check the scanner\'s suffix setting.',
  },
  'scanner-gun-suffix-missing': {
    'zh-CN': '扫码内容不完整，未能读取。请重新扫码；如反复出现，请联系技术人员检查扫码枪的结束符（回车/换行）设置。',
    en: 'The scan arrived incomplete and was not read. Scan again; if it keeps happening, ask support to check the scanner\'s suffix (CR/LF) setting.',
  },
  'scanner-gun-garbled': {
    'zh-CN': '扫到的内容有乱码，可能不完整。请核对内容，必要时重新扫码。',
    en: 'The scanned content contains unreadable characters and may be incomplete. Check it and scan again if needed.',
  },
  'scanner-gun-hid-report-invalid': {
    'zh-CN': '扫码枪发来的数据格式不正确。请重新扫码；如反复出现，请联系技术人员检查扫码枪模式设置。',
    en: 'The scanner sent data in an unexpected format. Scan again; if it keeps happening, ask support to check the scanner\'s mode setting.',
  },
  'scanner-gun-incomplete-scan': {
    'zh-CN': '扫码内容没有传完整。请重新扫码。',
    en: 'The scan did not arrive completely. Please scan again.',
  },
  'scanner-gun-payload-rule-assumed': {
    'zh-CN': '已按推测规则识别码的类型，请核对。',
    en: 'The code type was recognised by an unconfirmed rule; please check it.',
  },
  'e-invoice-code-unusual': {
    'zh-CN': '发票代码格式异常，请核对发票。',
    en: 'The invoice code looks unusual; please check the invoice.',
  },
  'e-invoice-amount-unusual': {
    'zh-CN': '发票金额格式异常，请核对发票。',
    en: 'The invoice amount looks unusual; please check the invoice.',
  },
  'e-invoice-check-code-unusual': {
    'zh-CN': '发票校验码格式异常，请核对发票。',
    en: 'The invoice check code looks unusual; please check the invoice.',
  },
  'e-invoice-extra-field': {
    'zh-CN': '发票二维码含有未知内容，请核对发票。',
    en: 'The invoice QR code has an unknown extra field; please check the invoice.',
  },
};
