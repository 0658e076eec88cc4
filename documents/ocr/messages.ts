import type { OcrWarningCode } from '../../domain/ocr-cross-check';

/**
 * Officer-facing text of the OCR cross-check: each warning names the form
 * field to check; none stops the case (OCR misreads, the officer has the paper).
 */
export const OCR_MESSAGES: Record<OcrWarningCode | 'ocr-failed' | 'ocr-image-unreadable', { 'zh-CN': string; en: string }> = {
  'ocr-id-number-mismatch': {
    'zh-CN': '材料上识别出的证件号码（{found}）与表单“证件号码”一栏不一致，请对照材料核对“证件号码”。',
    en: 'The ID number read from the material ({found}) differs from the form\'s "ID number" field: check the "ID number" against the material.',
  },
  'ocr-id-number-not-read': {
    'zh-CN': '未能从材料中识别出证件号码，请对照材料人工核对表单“证件号码”一栏。',
    en: 'No ID number could be read from the material: check the form\'s "ID number" field against it by eye.',
  },
  'ocr-name-mismatch': {
    'zh-CN': '材料上识别出的姓名（{found}）与表单“姓名”一栏不一致，请对照材料核对“姓名”。',
    en: 'The name read from the material ({found}) differs from the form\'s "Name" field: check the "Name" against the material.',
  },
  'ocr-name-not-read': {
    'zh-CN': '未能从材料中识别出姓名，请对照材料人工核对表单“姓名”一栏。',
    en: 'No name could be read from the material: check the form\'s "Name" field against it by eye.',
  },
  'ocr-failed': {
    'zh-CN': '材料文字识别失败，未做自动核对。可以继续办理，请人工核对材料与表单。',
    en: 'Reading the text of the material failed, so it was not cross-checked. You can carry on: check the material against the form by eye.',
  },
  'ocr-image-unreadable': {
    'zh-CN': '该材料图像无法读取，未做自动核对。请重新拍摄或扫描该材料。',
    en: 'The image of this material cannot be read, so it was not cross-checked. Photograph or scan it again.',
  },
};
