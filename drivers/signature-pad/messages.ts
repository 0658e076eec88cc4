import type { SignaturePadErrorCode } from './errors';

/**
 * Officer-facing text for each signature-pad error code, for the renderer's
 * vue-i18n catalogue: what happened and what to do, in plain words.
 */
export const SIGNATURE_PAD_MESSAGES: Record<SignaturePadErrorCode, { 'zh-CN': string; en: string }> = {
  'signature-pad-not-found': {
    'zh-CN': '没有找到签字板。请检查签字板的USB线是否插好；插好后几秒内会自动连接。也可以改用屏幕签名。',
    en: 'No signature pad found. Check that its USB cable is plugged in; it connects by itself within a few seconds. You can also sign on the screen instead.',
  },
  'signature-pad-unplugged': {
    'zh-CN': '签字板已断开，刚才的签名没有保存。请插好签字板，连接后请签名人重新签名。',
    en: 'The signature pad was disconnected and the signature in progress was not kept. Plug the pad back in and ask the signer to sign again once it reconnects.',
  },
  'signature-pad-permission': {
    'zh-CN': '本机没有使用签字板的权限。请联系技术支持为签字板配置权限；在此之前可改用屏幕签名。',
    en: 'This computer has no permission to use the signature pad. Ask support to grant access; meanwhile sign on the screen instead.',
  },
  'signature-pad-busy': {
    'zh-CN': '签字板正在使用中（可能已有签名在进行，或被其他程序占用）。请先完成或取消当前签名，并关闭厂商自带的签名软件。',
    en: 'The signature pad is in use (a signature is already in progress, or another program holds it). Finish or cancel the current signature and close the vendor’s signing software.',
  },
  'signature-pad-not-ready': {
    'zh-CN': '签字板还没有准备好。请稍等几秒再试；如仍不行，请拔下签字板再插上。',
    en: 'The signature pad is not ready yet. Wait a few seconds and try again; if it still fails, unplug the pad and plug it back in.',
  },
  'signature-pad-no-response': {
    'zh-CN': '签字板没有响应。请拔下签字板，等几秒再插上；如仍无响应，请改用屏幕签名并联系技术支持。',
    en: 'The signature pad does not respond. Unplug it, wait a few seconds and plug it back in; if it still does not respond, sign on the screen and contact support.',
  },
  'signature-pad-protocol': {
    'zh-CN': '签字板返回的数据无法识别，可能不是支持的型号。请改用屏幕签名并联系技术支持确认签字板型号。',
    en: 'The signature pad sent data that cannot be understood; it may not be a supported model. Sign on the screen and ask support to check the pad model.',
  },
  'signature-pad-screen-failed': {
    'zh-CN': '无法在签字板屏幕上显示要签署的内容，因此没有开始签名。请重试；如仍失败，请请签名人在电脑屏幕上核对内容后改用屏幕签名。',
    en: 'What is to be signed could not be shown on the pad’s screen, so signing did not start. Try again; if it still fails, let the signer read the document on the computer screen and sign there.',
  },
  'signature-pad-no-signature': {
    'zh-CN': '没有收到签名笔迹。请签名人用笔在签字板上签名后再点“完成”。',
    en: 'No handwriting was received. Ask the signer to sign on the pad with the pen, then press “Done”.',
  },
  'signature-pad-capture-not-started': {
    'zh-CN': '签名尚未开始。请先点“开始签名”。',
    en: 'Signing has not started. Press “Start signing” first.',
  },
  'signature-screen-render-failed': {
    'zh-CN': '无法生成签字板上显示的文件内容。请重试；如仍失败，请请签名人在电脑屏幕上核对内容后签名，并联系技术支持。',
    en: 'The document image for the pad’s screen could not be produced. Try again; if it still fails, let the signer read the document on the computer screen, and contact support.',
  },
};
