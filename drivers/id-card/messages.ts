import type { IdentityWarning } from '../../domain/identity-card';
import type { IdCardErrorCode } from './errors';

/**
 * Officer-facing text for each error code, for the renderer's vue-i18n
 * catalogue: what happened and what to do, in plain words.
 */
export const ID_CARD_MESSAGES: Record<IdCardErrorCode | IdentityWarning, { 'zh-CN': string; en: string }> = {
  'id-card-reader-command-checksum': {
    'zh-CN': '读卡器收到的指令校验出错。请重新放卡；如反复出现，请检查读卡器数据线。',
    en: 'The card reader received a corrupted command. Place the card again; if it keeps happening, check the reader cable.',
  },
  'id-card-reader-command-length': {
    'zh-CN': '读卡器收到的指令长度有误。请重新放卡；如反复出现，请检查读卡器数据线。',
    en: 'The card reader received a command of the wrong length. Place the card again; if it keeps happening, check the reader cable.',
  },
  'id-card-reader-command-unknown': {
    'zh-CN': '读卡器不支持此项操作。请联系技术支持确认读卡器型号。',
    en: 'The card reader does not support this operation. Contact support to check the reader model.',
  },
  'id-card-reader-unauthorized': {
    'zh-CN': '读卡器拒绝了此项操作（越权操作）。请重新放卡；如反复出现，请联系技术支持。',
    en: 'The card reader refused this operation. Place the card again; if it keeps happening, contact support.',
  },
  'id-card-reader-internal-error': {
    'zh-CN': '读卡器内部出错。请拔下读卡器数据线，等几秒再插上。',
    en: 'The card reader had an internal error. Unplug the reader, wait a few seconds and plug it back in.',
  },
  'id-card-card-rejected-reader': {
    'zh-CN': '证件未能认证读卡器。请把证件拿开后重新平放在读卡器上。',
    en: 'The card could not authenticate the reader. Take the card off and lay it flat on the reader again.',
  },
  'id-card-reader-rejected-card': {
    'zh-CN': '读卡器未能认证此证件。请重新放卡；如仍失败，证件芯片可能损坏，请人工核验证件。',
    en: 'The reader could not authenticate this card. Place it again; if it still fails the chip may be damaged: check the card by hand.',
  },
  'id-card-verification-failed': {
    'zh-CN': '证件信息校验失败。请重新放卡；如仍失败，请人工核验证件。',
    en: 'The card data failed verification. Place the card again; if it still fails, check the card by hand.',
  },
  'id-card-unknown-card-type': {
    'zh-CN': '无法识别此卡。请确认放的是居民身份证、外国人永久居留身份证或港澳台居民居住证。',
    en: 'This card is not recognised. Make sure it is a resident ID card, a foreign permanent resident card or an HK/Macao/Taiwan residence permit.',
  },
  'id-card-read-failed': {
    'zh-CN': '读卡失败。请把证件平放在读卡器中央，不要移动，再试一次。',
    en: 'Reading the card failed. Lay the card flat in the middle of the reader, keep it still, and try again.',
  },
  'id-card-random-failed': {
    'zh-CN': '读卡器与证件通信失败。请重新放卡。',
    en: 'The reader could not talk to the card. Place the card again.',
  },
  'id-card-sam-self-test-failed': {
    'zh-CN': '读卡器安全模块自检失败，暂时无法读卡。请重新插拔读卡器；如仍失败，请更换读卡器并联系技术支持。',
    en: "The reader's security module failed its self-test and cannot read cards. Replug the reader; if it still fails, replace it and contact support.",
  },
  'id-card-sam-unauthorized': {
    'zh-CN': '读卡器安全模块未经授权，无法读卡。请更换读卡器并联系技术支持。',
    en: "The reader's security module is not authorised and cannot read cards. Replace the reader and contact support.",
  },
  'id-card-not-found': {
    'zh-CN': '读卡器上没有找到证件。请把证件平放在读卡器上。',
    en: 'No card found on the reader. Lay the card flat on the reader.',
  },
  'id-card-select-failed': {
    'zh-CN': '找到证件但未能选中。请把证件拿开后重新平放在读卡器上。',
    en: 'The card was found but could not be selected. Take it off and lay it flat on the reader again.',
  },
  'id-card-no-content': {
    'zh-CN': '证件中没有这项信息（例如没有追加住址或指纹）。可以继续办理。',
    en: 'The card does not hold this item (for example no added address or fingerprint). You can carry on.',
  },
  'id-card-reader-not-found': {
    'zh-CN': '没有找到身份证读卡器。请检查读卡器数据线是否插好；插好后稍等几秒会自动连接。',
    en: 'No ID card reader found. Check that the reader cable is plugged in; it connects by itself a few seconds after.',
  },
  'id-card-reader-busy': {
    'zh-CN': '读卡器被其他程序占用。请关闭其他读卡软件（如厂商自带的读卡程序）。',
    en: 'The card reader is in use by another program. Close other card-reading software (such as the vendor tool).',
  },
  'id-card-reader-permission': {
    'zh-CN': '本机没有访问读卡器端口的权限。请联系技术支持为本机配置读卡器权限。',
    en: 'This computer has no permission to use the reader port. Ask support to grant access to the reader.',
  },
  'id-card-reader-unplugged': {
    'zh-CN': '读卡器已断开。请重新插好读卡器数据线，插好后会自动重新连接。',
    en: 'The card reader was disconnected. Plug its cable back in; it reconnects by itself.',
  },
  'id-card-reader-no-response': {
    'zh-CN': '读卡器没有应答。请拔下读卡器数据线，等几秒再插上；如仍无应答，请联系技术支持。',
    en: 'The card reader does not answer. Unplug it, wait a few seconds and plug it back in; if it still does not answer, contact support.',
  },
  'id-card-reader-protocol': {
    'zh-CN': '读卡器返回的数据无法识别。请重新插拔读卡器；如反复出现，请联系技术支持。',
    en: 'The card reader sent data that could not be understood. Replug the reader; if it keeps happening, contact support.',
  },
  'id-card-reader-checksum': {
    'zh-CN': '读卡数据传输出错，多次重试仍未成功。请重新放卡；如反复出现，请检查或更换读卡器数据线。',
    en: 'Card data was corrupted on the cable, even after retries. Place the card again; if it keeps happening, check or replace the reader cable.',
  },
  'id-card-reader-status-unknown': {
    'zh-CN': '读卡器报告了未知状态。请重新放卡；如反复出现，请联系技术支持。',
    en: 'The card reader reported an unknown status. Place the card again; if it keeps happening, contact support.',
  },
  'id-card-no-card': {
    'zh-CN': '等待超时，没有读到证件。请把证件平放在读卡器上后再试。',
    en: 'Timed out without reading a card. Lay the card flat on the reader and try again.',
  },
  'id-card-data-invalid': {
    'zh-CN': '证件中的信息格式有误，无法使用。请重新放卡；如仍失败，请人工核验证件并登记。',
    en: 'The data on the card is malformed and cannot be used. Place the card again; if it still fails, check the card by hand.',
  },
  'id-card-reader-stopped': {
    'zh-CN': '读卡已停止。请重新打开读卡功能。',
    en: 'Card reading was stopped. Start card reading again.',
  },
  'id-number-check-digit': {
    'zh-CN': '证件号码未通过国家标准校验（校验位或位数不对），请对照证件人工核对号码。',
    en: 'The ID number fails the national check (wrong check digit or length): verify it against the card by hand.',
  },
  'card-expired': {
    'zh-CN': '证件已过有效期，请按规定处理。',
    en: 'The card has expired: handle it according to the rules.',
  },
};
