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
};
