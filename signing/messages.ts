import type { SigningErrorCode } from './errors';

/** Officer-facing text for signature-binding errors (renderer vue-i18n catalogue). */
export const SIGNING_MESSAGES: Record<SigningErrorCode, { 'zh-CN': string; en: string }> = {
  'signing-key-invalid': {
    'zh-CN': '本机的签名密钥无法使用，电子签名未能保存。请联系技术支持检查终端密钥。',
    en: 'This terminal’s signing key cannot be used, so the e-signature was not saved. Contact support to check the terminal key.',
  },
  'signing-key-not-sm2': {
    'zh-CN': '本机的签名密钥不是国密SM2密钥，电子签名未能保存。请联系技术支持重新配置终端密钥。',
    en: 'This terminal’s signing key is not an SM2 key, so the e-signature was not saved. Contact support to set up the terminal key again.',
  },
  'signing-input-invalid': {
    'zh-CN': '签名或待签文件不完整，电子签名未能保存。请重新生成文件并请签名人重新签名。',
    en: 'The signature or the signed document is incomplete, so the e-signature was not saved. Generate the document again and ask the signer to sign again.',
  },
};
