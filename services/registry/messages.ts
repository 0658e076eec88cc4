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
  'registry-review-missing': {
    'zh-CN': '尚未对双方进行全国联网审查，不能打印结婚证。请先读取双方证件。',
    en: 'The national review of both parties has not been made; the marriage certificate cannot print. Read both parties\' documents first.',
  },
  'registry-review-pending': {
    'zh-CN': '全国联网审查结果尚未返回（网络中断时会自动重试），结果返回前不能打印证书。',
    en: 'The national review has not arrived yet (it is asked again automatically while offline); the certificate cannot print until it does.',
  },
  'registry-review-hit': {
    'zh-CN': '全国联网审查显示当事人现有婚姻登记记录，不予登记。如有未录入的离婚判决等证明，可填写理由并扫描证明材料后继续。',
    en: 'The national review shows a party currently married; the registration is withheld. With proof the index lacks (e.g. a divorce judgment), give a reason and scan it to go ahead.',
  },
  'registry-review-other-parties': {
    'zh-CN': '证书上的当事人与审查的当事人不一致，请重新审查。',
    en: 'The parties on the certificate are not the ones reviewed; review again.',
  },
  'registry-override-reason-missing': {
    'zh-CN': '请填写继续办理的理由（至少 {minimum} 个字）。',
    en: 'Write the reason for going ahead (at least {minimum} characters).',
  },
  'registry-override-document-missing': {
    'zh-CN': '请先扫描证明材料（如离婚判决书）再继续办理。',
    en: 'Scan the supporting document (e.g. the divorce judgment) before going ahead.',
  },
  'review-bad-answer': {
    'zh-CN': '全国联网审查服务的答复无法识别，系统会自动重试。',
    en: 'The national review service gave an answer the terminal cannot read; it is asked again automatically.',
  },
};
