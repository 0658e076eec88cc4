/** Officer-facing text for refusals of calls outside what a screen may do. */
import type { OfficerMessage } from '../../contract/errors';

export const SCOPE_MESSAGES: Record<string, OfficerMessage> = {
  'print-certificate-through-desk': {
    'zh-CN': '结婚证、离婚证只能在证书打印台按号段打印，不能作为普通文书打印。',
    en: 'Marriage and divorce certificates print only at the certificate desk, under a leased number, not as ordinary documents.',
  },
  'print-held-form-only': {
    'zh-CN': '申请表只能按给群众确认过的版本打印，请在签名页重新预览后打印。',
    en: 'An application form prints only as shown to the resident; preview it again on the signing step and print from there.',
  },
  'form-not-held': {
    'zh-CN': '申请表预览已过期，请重新预览并请群众确认后再签名。',
    en: 'The application form preview has expired; preview it again and have the resident check it before signing.',
  },
  'form-not-shown': {
    'zh-CN': '签名前须先向群众展示申请表，请先预览申请表。',
    en: 'The resident must be shown the application form before signing; preview it first.',
  },
  'form-changed-since-shown': {
    'zh-CN': '办件内容与群众确认的申请表不一致，请重新预览，确认后再提交。',
    en: 'The case differs from the form the resident was shown; preview it again and have it confirmed before submitting.',
  },
  'printer-not-configured': {
    'zh-CN': '所选打印机不在本终端的配置中，不能打印。请选择列表中的打印机，或联系管理员添加。',
    en: "The chosen printer is not in this terminal's configuration. Choose one from the list, or ask the administrator to add it.",
  },
  'printer-a4-missing': {
    'zh-CN': '本终端未配置 A4 打印机，回执、声明书、审查处理表等文书无法打印。请联系管理员在终端配置中为打印机设置用途 role: "a4"。',
    en: 'This terminal has no A4 printer configured, so receipts, declarations and forms cannot print. Ask the administrator to give a printer role "a4" in the configuration.',
  },
  'printer-certificate-missing': {
    'zh-CN': '本终端未配置证书打印机，结婚证、离婚证无法打印。请联系管理员在终端配置中为打印机设置用途 role: "certificate"。',
    en: 'This terminal has no certificate printer configured, so certificates cannot print. Ask the administrator to give a printer role "certificate" in the configuration.',
  },
  'view-outside-profile': {
    'zh-CN': '本终端没有“{view}”界面，不能以该界面读取证件。',
    en: 'This terminal has no "{view}" screen; it cannot read cards on its behalf.',
  },
  'call-outside-profile': {
    'zh-CN': '本终端的用途不包括此项操作（{call}），已拒绝。请在相应用途的终端上办理；如本终端用途配置有误，请联系管理员。',
    en: "This terminal's profile does not include this operation ({call}); it was refused. Use a terminal of the right profile, or ask the administrator if this terminal's profile is wrong.",
  },
};
