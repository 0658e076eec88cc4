import { terminal } from '../terminal';
import { i18n } from './index';

/**
 * Loads the services' error and warning texts into vue-i18n under `errors.`.
 * The bundled messages keep a generic fallback, so an officer still gets a
 * sentence if this call fails.
 */
export async function loadOfficerMessages(): Promise<void> {
  const table = await terminal.app.messages();
  for (const locale of ['zh-CN', 'en'] as const) {
    const errors = Object.fromEntries(Object.entries(table).map(([code, message]) => [code, message[locale]]));
    i18n.global.mergeLocaleMessage(locale, { errors });
  }
}
