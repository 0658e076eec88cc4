/**
 * What the terminal says when it refuses to start: one sentence the officer
 * at the counter can act on (call the administrator), and the remedy for the
 * administrator, naming the setting or the system component to fix. These are
 * shown in a native dialog before any window exists, so they live here rather
 * than in the renderer's catalogue.
 */
import type { OfficerMessage } from '../../contract/errors';

export type StartupRefusalCode =
  | 'backend-url-missing'
  | 'backend-url-insecure'
  | 'city-evaluation-origin-insecure'
  | 'credential-store-unprotected'
  | 'data-key-file-invalid'
  | 'release-keys-missing'
  | 'release-keys-invalid';

export interface StartupMessage {
  /** For the officer: what is wrong, in plain words, and whom to call. */
  officer: OfficerMessage;
  /** For the administrator: what to change. `{setting}` and `{value}` are filled from the refusal. */
  remedy: OfficerMessage;
}

export const STARTUP_MESSAGES: Record<StartupRefusalCode, StartupMessage> = {
  'backend-url-missing': {
    officer: {
      'zh-CN': '本终端没有设置中心系统地址，无法启动。请联系系统管理员。',
      en: 'This terminal has no central backend address set, so it cannot start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：请在终端配置文件（环境变量 TERMINAL_CONFIG 指向的 JSON 文件）中把 {setting} 设为中心系统的 https:// 地址，或设置环境变量 TERMINAL_BACKEND_URL，然后重新启动终端。',
      en: 'Administrator: set {setting} in the terminal configuration file (the JSON file named by TERMINAL_CONFIG) to the central backend’s https:// address, or set TERMINAL_BACKEND_URL, then restart the terminal.',
    },
  },
  'backend-url-insecure': {
    officer: {
      'zh-CN': '本终端的中心系统地址不安全（未加密），为保护群众个人信息，终端拒绝启动。请联系系统管理员。',
      en: 'This terminal’s central backend address is not encrypted, so to protect residents’ personal data the terminal will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：{setting} 当前为 {value}。正式使用的终端只能通过 https:// 连接中心系统（http:// 仅允许在开发环境中连接本机 127.0.0.1）。请改为 https:// 地址后重新启动终端。',
      en: 'Administrator: {setting} is {value}. A production terminal reaches the central backend over https:// only (plain http:// is allowed only to this machine, 127.0.0.1, in development). Change it to an https:// address and restart the terminal.',
    },
  },
  'city-evaluation-origin-insecure': {
    officer: {
      'zh-CN': '本终端设置的市级“好差评”评价页面地址不安全（未加密），终端拒绝启动。请联系系统管理员。',
      en: 'This terminal’s city evaluation page address is not encrypted, so the terminal will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：{setting} 当前为 {value}。正式使用的终端只能嵌入 https:// 的评价页面（http:// 仅允许在开发环境中指向本机 127.0.0.1），且只写来源（如 https://pj.example.gov.cn，不带路径）。请改正或删除该设置（删除后由终端自带页面收集评价），然后重新启动终端。',
      en: 'Administrator: {setting} is {value}. A production terminal embeds an https:// evaluation page only (plain http:// is allowed only to this machine, 127.0.0.1, in development), given as an origin (e.g. https://pj.example.gov.cn, no path). Correct it, or remove it (the terminal’s own page then collects ratings), and restart the terminal.',
    },
  },
  'credential-store-unprotected': {
    officer: {
      'zh-CN': '本机的系统密钥环不可用，终端无法安全保存群众个人信息，因此拒绝启动。请联系系统管理员。',
      en: 'This computer’s system keyring is not available, so the terminal cannot keep residents’ personal data safe and will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：终端用系统密钥环保护本地数据密钥，当前检测到的是“{value}”（没有保护）。请为终端使用的账户安装并解锁密钥环（如 gnome-keyring 或 KWallet，登录时自动解锁）；没有桌面密钥环的机器，可在配置中用 dataKeyFile（或环境变量 TERMINAL_DATA_KEY_FILE）指定管理员下发的数据密钥文件。然后重新启动终端。',
      en: 'Administrator: the terminal protects its local data key with the system keyring, and the backend found is “{value}” (no protection). Install and unlock a keyring for the terminal’s user account (e.g. gnome-keyring or KWallet, unlocked at login); on a machine without a desktop keyring, point dataKeyFile (or TERMINAL_DATA_KEY_FILE) at an administrator-provisioned data key file. Then restart the terminal.',
    },
  },
  'release-keys-missing': {
    officer: {
      'zh-CN': '本终端程序没有内置发布公钥，无法校验更新，因此拒绝启动。请联系系统管理员。',
      en: 'This terminal build has no release public key, so it cannot check updates and will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：正式安装包必须在构建时用 {setting}（逗号分隔的 SM2 公钥，04 开头的 130 位十六进制）内置发布公钥。请用正确构建的安装包重新安装。',
      en: 'Administrator: a production package must be built with {setting} (comma-separated SM2 public keys, 130 hex digits starting 04) to pin the release keys. Reinstall from a correctly built package.',
    },
  },
  'release-keys-invalid': {
    officer: {
      'zh-CN': '本终端的发布公钥设置有误，无法校验更新，因此拒绝启动。请联系系统管理员。',
      en: 'This terminal’s release key setting is wrong, so it cannot check updates and will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：{setting} 中有一项不是 SM2 公钥（{value}…）。每项须为 04 开头的 130 位十六进制数字，多项用逗号分隔。',
      en: 'Administrator: {setting} holds an entry that is not an SM2 public key ({value}…). Each must be 130 hex digits starting 04, separated by commas.',
    },
  },
  'data-key-file-invalid': {
    officer: {
      'zh-CN': '本终端的数据密钥文件无法使用，终端无法安全保存群众个人信息，因此拒绝启动。请联系系统管理员。',
      en: 'This terminal’s data key file cannot be used, so the terminal cannot keep residents’ personal data safe and will not start. Contact your system administrator.',
    },
    remedy: {
      'zh-CN': '管理员：{setting} 指定的密钥文件有问题：{value}。密钥文件须存在、内容为 64 位十六进制数字，且只允许终端使用的账户读取（权限 600）。请修正后重新启动终端。',
      en: 'Administrator: the key file named by {setting} is not usable: {value}. It must exist, hold 64 hex digits, and be readable by the terminal’s user only (mode 600). Fix it and restart the terminal.',
    },
  },
};

export interface StartupRefusal {
  code: StartupRefusalCode;
  /** The configuration setting at fault, when there is one. */
  setting?: string;
  /** The value found (never a secret). */
  value?: string;
}

export class StartupRefusedError extends Error {
  constructor(readonly refusal: StartupRefusal) {
    super(`startup refused: ${refusal.code}${refusal.setting ? ` (${refusal.setting})` : ''}`);
  }
}

/** The dialog text in one language: the officer's sentence, then the administrator's remedy. */
export function describeRefusal(refusal: StartupRefusal, locale: keyof OfficerMessage): string {
  const message = STARTUP_MESSAGES[refusal.code];
  const fill = (text: string) =>
    text.replaceAll('{setting}', refusal.setting ?? '').replaceAll('{value}', refusal.value ?? '');
  return `${message.officer[locale]}\n\n${fill(message.remedy[locale])}\n\n(${refusal.code})`;
}
