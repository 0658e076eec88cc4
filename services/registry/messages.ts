/** Officer-facing text of the registry desk's error codes. */
type Message = { 'zh-CN': string; en: string };

export const REGISTRY_MESSAGES: Record<string, Message> = {
  'registry-no-appointment': {
    'zh-CN': '今天（{day}）没有此证件持有人的预约。如当事人现场办理，请点击“现场登记”。',
    en: 'There is no appointment today ({day}) for this card holder. For a walk-in, press "Walk-in".',
  },
  'registry-walk-in-quota-reached': {
    'zh-CN': '今日现场登记名额已满（{used}/{quota}），请引导当事人预约其他日期。',
    en: "Today's walk-in places are taken ({used}/{quota}); please help the couple book another day.",
  },
  'certificate-nationality-code': {
    'zh-CN': '当事人{n}的国籍填的是代码“{code}”，证书上须写中文国名（如“法国”）。请重新读取证件或改正后再打印。',
    en: 'Party {n}\'s nationality is the code "{code}"; a certificate needs the country\'s Chinese name (e.g. 法国). Read the document again or correct it.',
  },
};
