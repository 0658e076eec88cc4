/** Officer and admin text for every fleet code (zh-CN first); services only emit the codes. */
import type { FleetErrorCode } from './fleet-error';

type Message = { 'zh-CN': string; en: string };

export const FLEET_MESSAGES: Record<FleetErrorCode | 'update-ready' | 'update-applying', Message> = {
  'release-malformed': { 'zh-CN': '更新说明文件格式错误，已拒绝。', en: 'The update manifest is malformed and was refused.' },
  'release-key-unknown': { 'zh-CN': '更新不是由受信任的发布密钥签名的，已拒绝。', en: 'The update is not signed by a trusted release key and was refused.' },
  'release-signature-invalid': { 'zh-CN': '更新签名校验失败，已拒绝。', en: 'The update signature does not verify; refused.' },
  'release-not-newer': { 'zh-CN': '更新版本不高于当前版本（可能是重放或降级），已拒绝。', en: 'The update is not newer than the running version (replay or downgrade); refused.' },
  'release-channel-mismatch': { 'zh-CN': '更新属于其他发布通道，已忽略。', en: 'The update belongs to another channel; ignored.' },
  'release-needs-newer-shell': { 'zh-CN': '此更新需要先升级终端主程序。', en: 'This update needs a newer terminal shell first.' },
  'release-previously-failed': { 'zh-CN': '此版本曾在本机回滚，不再安装，等待更新的版本。', en: 'This version rolled back here before; it will not be installed again until a newer one is published.' },
  'payload-size-mismatch': { 'zh-CN': '更新包大小与签名说明不符，已拒绝。', en: 'The update package size differs from the signed manifest; refused.' },
  'payload-sm3-mismatch': { 'zh-CN': '更新包校验值（SM3）与签名说明不符，已拒绝。', en: 'The update package SM3 differs from the signed manifest; refused.' },
  'payload-file-mismatch': { 'zh-CN': '程序文件与签名说明不符，已改用上一个可用版本。', en: 'A program file differs from the signed manifest; the previous good version is used.' },
  'payload-file-missing': { 'zh-CN': '程序文件缺失，已改用上一个可用版本。', en: 'A program file is missing; the previous good version is used.' },
  'payload-file-unexpected': { 'zh-CN': '程序目录中有未签名的文件，已改用上一个可用版本。', en: 'The program folder holds an unsigned file; the previous good version is used.' },
  'payload-archive-invalid': { 'zh-CN': '更新包无法解开或含有不允许的内容，已拒绝。', en: 'The update package cannot be unpacked or holds forbidden entries; refused.' },
  'payload-download-failed': { 'zh-CN': '更新下载中断，稍后会从断点继续。', en: 'The update download was interrupted and will resume later.' },
  'shell-update-unsigned': { 'zh-CN': '主程序更新没有签名说明，已拒绝。', en: 'The shell update has no signed manifest; refused.' },
  'shell-update-mismatch': { 'zh-CN': '主程序安装包与签名说明不符，已拒绝。', en: 'The shell installer differs from the signed manifest; refused.' },
  'slot-state-invalid': { 'zh-CN': '更新状态异常，已使用终端自带版本。', en: 'The update state is invalid; the terminal runs its built-in version.' },
  'slot-nothing-staged': { 'zh-CN': '没有已准备好的更新。', en: 'No update is ready.' },
  'slot-not-trying': { 'zh-CN': '当前没有正在试运行的更新。', en: 'No update is on trial.' },
  'health-gate-failed': { 'zh-CN': '新版本未通过运行检查，已自动回滚到上一版本。', en: 'The new version failed its health check and was rolled back automatically.' },
  'crash-loop': { 'zh-CN': '新版本多次启动失败，已自动回滚到上一版本。', en: 'The new version failed to start repeatedly and was rolled back automatically.' },
  'configuration-invalid': { 'zh-CN': '下发的配置不合法，仍使用原配置。', en: 'The pushed configuration is invalid; the previous one is kept.' },
  'configuration-unappliable': { 'zh-CN': '下发的配置无法应用（如打印机不存在），仍使用原配置。', en: 'The pushed configuration cannot be applied (e.g. a printer that does not exist); the previous one is kept.' },
  'update-ready': { 'zh-CN': '新版本已就绪，空闲时更新', en: 'A new version is ready and will be installed when the terminal is idle' },
  'update-applying': { 'zh-CN': '正在更新，请稍候…', en: 'Updating, please wait…' },
};
