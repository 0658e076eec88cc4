import type { SscErrorCode } from './errors';

/** Officer-facing text for each error code: what happened and what to do. */
export const SOCIAL_SECURITY_CARD_MESSAGES: Record<SscErrorCode, { 'zh-CN': string; en: string }> = {
  'ssc-pcsc-unavailable': {
    'zh-CN': '智能卡服务没有运行，无法读社保卡。请联系技术支持启动智能卡服务（Windows 的“Smart Card”服务，Linux 的 pcscd）。',
    en: 'The smart card service is not running, so the social security card cannot be read. Ask support to start it (the "Smart Card" service on Windows, pcscd on Linux).',
  },
  'ssc-reader-not-found': {
    'zh-CN': '没有找到社保卡读卡器。请检查读卡器数据线是否插好；插好后稍等几秒会自动连接。',
    en: 'No social security card reader found. Check that the reader cable is plugged in; it connects by itself a few seconds after.',
  },
  'ssc-reader-removed': {
    'zh-CN': '社保卡读卡器已断开。请重新插好读卡器数据线，插好后会自动重新连接。',
    en: 'The social security card reader was disconnected. Plug its cable back in; it reconnects by itself.',
  },
  'ssc-reader-busy': {
    'zh-CN': '社保卡读卡器被其他程序占用。请关闭其他读卡软件（如社保或医保的读卡程序）后再试。',
    en: 'The social security card reader is in use by another program. Close other card software (such as the social or medical insurance tool) and try again.',
  },
  'ssc-no-card': {
    'zh-CN': '等待超时，没有读到社保卡。请把社保卡芯片朝上插入读卡器后再试。',
    en: 'Timed out without reading a social security card. Insert the card chip side up and try again.',
  },
  'ssc-card-removed': {
    'zh-CN': '读卡过程中社保卡被拔出，信息没有读全。请重新插入社保卡，读完之前不要拔卡。',
    en: 'The social security card was pulled out before it was fully read. Insert it again and leave it in until the read is done.',
  },
  'ssc-not-social-security-card': {
    'zh-CN': '插入的卡不是社会保障卡（卡内没有社保应用），例如银行卡或其他IC卡。请插入居民本人的社保卡。',
    en: 'The card inserted is not a social security card (it has no social security application), for example a bank card. Insert the resident\'s social security card.',
  },
  'ssc-card-refused': {
    'zh-CN': '社保卡拒绝了读卡操作。请拔出后重新插入再试；如仍失败，卡片可能已损坏，请改用身份证办理。',
    en: 'The social security card refused the read. Take it out and insert it again; if it still fails the card may be damaged: use the ID card instead.',
  },
  'ssc-data-invalid': {
    'zh-CN': '社保卡中的信息格式有误，无法使用。请改用身份证办理，并提醒居民到社保经办机构检查卡片。',
    en: 'The data on the social security card is malformed and cannot be used. Use the ID card instead and advise the resident to have the card checked.',
  },
  'ssc-reader-stopped': {
    'zh-CN': '社保卡读卡已停止。请重新打开读卡功能。',
    en: 'Social security card reading was stopped. Start card reading again.',
  },
};
