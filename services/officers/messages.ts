/** Officer-facing text for the sign-in and screen-lock codes. */
import type { OfficerMessage } from '../../contract/errors';

export const OFFICER_SIGN_IN_MESSAGES: Record<string, OfficerMessage> = {
  'officer-not-signed-in': {
    'zh-CN': '请先登录工作人员账号，再办理业务。',
    en: 'Sign in with your staff account before working.',
  },
  'officer-screen-locked': {
    'zh-CN': '屏幕已锁定，请输入本人密码解锁，当前办件不会丢失。',
    en: 'The screen is locked. Enter your password to unlock; the case on screen is kept.',
  },
  'officer-credentials-invalid': {
    'zh-CN': '账号或密码不正确。再错 {remaining} 次，该账号将在本机锁定 {lockMinutes} 分钟。',
    en: 'Wrong account or password. {remaining} more failures lock this account on this terminal for {lockMinutes} minutes.',
  },
  'officer-locked-out': {
    'zh-CN': '密码错误次数过多，该账号已在本机锁定，请于 {until} 后再试，或联系管理员。',
    en: 'Too many wrong passwords: this account is locked on this terminal until {until}. Try again later or call the administrator.',
  },
  'officer-disabled': {
    'zh-CN': '该工作人员账号已被停用，请联系管理员。',
    en: 'This staff account is disabled. Call the administrator.',
  },
  'officer-offline-unavailable': {
    'zh-CN': '连不上市级系统，且本机没有该账号近 {hours} 小时内的在线登录记录，无法离线登录。请恢复网络后再登录。',
    en: 'The central system cannot be reached and this account has not signed in online here within {hours} hours, so it cannot sign in offline. Sign in once the network is back.',
  },
  'officer-unlock-other': {
    'zh-CN': '只有锁屏前登录的工作人员本人可以解锁；其他人请先退出再登录。',
    en: 'Only the officer who was signed in can unlock; anyone else must sign out and sign in.',
  },
};
