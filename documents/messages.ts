import type { DocumentErrorCode, DocumentWarningCode } from './errors';

/**
 * Officer-facing text for the document engine's codes, for vue-i18n.
 * Placeholders are the keys of the error's or warning's `params`.
 */
export const DOCUMENT_MESSAGES: Record<DocumentErrorCode | DocumentWarningCode, { 'zh-CN': string; en: string }> = {
  'document-fields-missing': {
    'zh-CN': '以下内容未填写：{missingLabels}。请补全后再生成。',
    en: 'These items are not filled in: {missingLabels}. Complete them and generate again.',
  },
  'document-data-invalid': {
    'zh-CN': '以下内容格式不正确：{invalid}。请核对后再生成。',
    en: 'These items are not in the right format: {invalid}. Check them and generate again.',
  },
  'document-characters-unsupported': {
    'zh-CN': '字库中没有以下生僻字，无法打印：{characters}（{codePoints}，位于 {fields}）。请联系技术支持安装补充字库，切勿用同音字代替。',
    en: 'The fonts cannot print these rare characters: {characters} ({codePoints}, in {fields}). Ask IT support to install the extra font; do not substitute other characters.',
  },
  'document-font-missing': {
    'zh-CN': '未找到打印所需的中文字库（{fonts}）。请联系技术支持安装字库或检查字库设置。',
    en: 'The Chinese font needed for printing was not found ({fonts}). Ask IT support to install it or check the font setting.',
  },
  'document-font-invalid': {
    'zh-CN': '字库文件无法使用（{fonts}）。请联系技术支持检查字库设置。',
    en: 'The font file cannot be used ({fonts}). Ask IT support to check the font setting.',
  },
  'document-template-invalid': {
    'zh-CN': '该事项的申请表模板无法读取。请联系管理员更新模板。',
    en: "This service item's application form template cannot be read. Ask an administrator to update it.",
  },
  'document-image-invalid': {
    'zh-CN': '照片图像无法读取（{fields}），请重新拍摄或扫描照片。',
    en: 'The photo cannot be read ({fields}); take or scan it again.',
  },
  'document-layout-invalid': {
    'zh-CN': '证书套打版式文件有误：{invalid}。请联系管理员修正版式。',
    en: 'The certificate overlay layout is wrong: {invalid}. Ask an administrator to correct it.',
  },
  'document-kind-unknown': {
    'zh-CN': '不支持的文书类型：{kind}。请联系技术支持。',
    en: 'Unsupported document type: {kind}. Contact IT support.',
  },
  'document-render-failed': {
    'zh-CN': '文书生成失败，已填写的信息没有丢失。请重试；仍失败请联系技术支持。',
    en: 'The document could not be generated; nothing entered was lost. Try again, and contact IT support if it keeps failing.',
  },
  'document-text-shrunk': {
    'zh-CN': '“{field}”内容较长，已缩小字号至 {size} 磅。请在预览中确认清晰可读。',
    en: '"{field}" is long and was printed smaller ({size} pt). Check in the preview that it is readable.',
  },
  'document-text-wrapped': {
    'zh-CN': '“{field}”内容较长，已分 {lines} 行打印。请在预览中确认。',
    en: '"{field}" is long and was split over {lines} lines. Check it in the preview.',
  },
  'document-text-overflow': {
    'zh-CN': '“{field}”内容过长，超出了打印框。请在预览中检查，必要时精简内容后重新生成。',
    en: '"{field}" is too long for its box and runs past it. Check the preview and shorten it if needed.',
  },
  'document-text-off-page': {
    'zh-CN': '“{field}”超出纸张边缘，可能打印不全。请检查打印机校准偏移量是否过大。',
    en: '"{field}" runs off the edge of the sheet and may not print. Check whether the printer calibration offsets are too large.',
  },
  'document-field-blank': {
    'zh-CN': '“{field}”留空，需手工填写或盖章。',
    en: '"{field}" was left blank to be filled in or stamped by hand.',
  },
};
