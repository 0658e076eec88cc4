import type { DocumentScannerErrorCode } from './errors';

/** Officer-facing text for each document-scanner error: what happened and what to do. */
export const DOCUMENT_SCANNER_MESSAGES: Record<DocumentScannerErrorCode, { 'zh-CN': string; en: string }> = {
  'document-scanner-not-configured': {
    'zh-CN': '本窗口没有配置扫描仪。请联系技术支持配置；在此之前可收取纸质材料。',
    en: 'No document scanner is configured for this window. Ask support to set one up; meanwhile collect paper copies.',
  },
  'document-scanner-not-installed': {
    'zh-CN': '本机未安装扫描驱动（SANE）。请联系技术支持安装；在此之前可收取纸质材料。',
    en: 'The scanner software (SANE) is not installed on this PC. Ask support to install it; meanwhile collect paper copies.',
  },
  'document-scanner-not-found': {
    'zh-CN': '没有找到扫描仪。请检查扫描仪电源和USB线，打开后等几秒再试。',
    en: 'The document scanner was not found. Check its power and USB cable, switch it on, wait a few seconds and try again.',
  },
  'document-scanner-busy': {
    'zh-CN': '扫描仪正忙（可能正在扫描或被其他程序占用）。请稍候再试，并关闭厂商自带的扫描软件。',
    en: 'The scanner is busy (scanning, or held by another program). Wait a moment and try again, and close the vendor’s scanning software.',
  },
  'document-scanner-jammed': {
    'zh-CN': '扫描仪卡纸。请打开扫描仪取出卡住的纸张，理平后重新放入再扫描。',
    en: 'The scanner is jammed. Open it, remove the stuck page, smooth it and scan again.',
  },
  'document-scanner-no-paper': {
    'zh-CN': '扫描仪里没有纸。请把材料正面朝下放入进纸器或放在玻璃板上，再点扫描。',
    en: 'There is no paper in the scanner. Place the document in the feeder or on the glass, then scan again.',
  },
  'document-scanner-cover-open': {
    'zh-CN': '扫描仪盖板没有盖好。请盖好后再扫描。',
    en: 'The scanner cover is open. Close it and scan again.',
  },
  'document-scanner-access-denied': {
    'zh-CN': '本机没有使用扫描仪的权限。请联系技术支持配置权限。',
    en: 'This PC has no permission to use the scanner. Ask support to grant access.',
  },
  'document-scanner-timeout': {
    'zh-CN': '扫描超时，扫描仪没有送回图像。请重新扫描；如仍超时，请关闭扫描仪电源再打开。',
    en: 'The scan timed out without an image. Scan again; if it times out again, switch the scanner off and on.',
  },
  'document-scanner-too-large': {
    'zh-CN': '扫描图像过大（单件材料不超过 50 MB）。请降低分辨率或改为灰度后重新扫描。',
    en: 'The scanned image is too large (at most 50 MB per material). Scan again at a lower resolution or in grey.',
  },
  'document-scanner-failed': {
    'zh-CN': '扫描失败。请重新扫描；如仍失败，请联系技术支持。',
    en: 'The scan failed. Try again; if it keeps failing, contact support.',
  },
  'document-scanner-batch-jammed': {
    'zh-CN': '进纸器在第 {page} 页（第 {sheet} 张纸）卡纸，前 {kept} 页已保留。请取出卡住的纸，把第 {sheet} 张及之后的纸按原顺序放回进纸器，再点“继续扫描”。',
    en: 'The feeder jammed on page {page} (sheet {sheet}); the first {kept} pages are kept. Remove the stuck sheet, put sheet {sheet} and the ones after it back in the feeder in order, and press “Continue scanning”.',
  },
  'document-scanner-no-feeder': {
    'zh-CN': '这台扫描仪没有进纸器。请把材料逐页放在玻璃板上扫描。',
    en: 'This scanner has no document feeder. Scan the pages one by one on the glass.',
  },
  'document-scanner-no-duplex': {
    'zh-CN': '这台扫描仪不能双面扫描。请改用单面批量扫描，再把纸翻面扫一遍。',
    en: 'This scanner cannot scan both sides. Use a one-sided batch, then turn the stack over and scan it again.',
  },
  'document-scanner-batch-not-running': {
    'zh-CN': '这批扫描已经结束。',
    en: 'This scanning batch has already ended.',
  },
};
