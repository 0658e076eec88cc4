import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN';
import en from './en';
import { kioskMessages } from './kiosk';
import { registryArchiveMessages } from './registry-archive';
import { registryBusinessMessages } from './registry-business';

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...zhCN, kiosk: kioskMessages['zh-CN'], registryCase: registryArchiveMessages['zh-CN'], registryBusiness: registryBusinessMessages['zh-CN'] },
    en: { ...en, kiosk: kioskMessages.en, registryCase: registryArchiveMessages.en, registryBusiness: registryBusinessMessages.en },
  },
});
