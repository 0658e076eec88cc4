/**
 * Officer-facing text for every sync error code and dead-letter reason, in
 * plain language: what happened and what to do. The renderer feeds these to
 * vue-i18n; services only ever emit the codes.
 */
import type { SyncErrorCode } from './errors';

type Message = { 'zh-CN': string; en: string };

export const SYNC_MESSAGES: Record<SyncErrorCode, Message> & Record<string, Message> = {
  'backend-unreachable': {
    'zh-CN': '暂时连不上市级办件系统。已受理的办件都保存在本机，网络恢复后会自动上报，可继续办理业务。',
    en: 'The central system cannot be reached. Cases are saved on this terminal and will be sent automatically when the network is back; you can keep working.',
  },
  'backend-timeout': {
    'zh-CN': '市级办件系统响应超时。办件已保存在本机，系统会稍后自动重试。',
    en: 'The central system did not answer in time. Cases are saved here and will be retried automatically.',
  },
  'backend-server-error': {
    'zh-CN': '市级办件系统暂时故障。办件已保存在本机，系统会自动重试；若持续超过半小时，请联系区信息中心。',
    en: 'The central system has a temporary fault. Cases are saved here and retried automatically; if this lasts over 30 minutes, call the district IT centre.',
  },
  'backend-rate-limited': {
    'zh-CN': '市级办件系统繁忙，已按系统要求稍后上报，无需操作。',
    en: 'The central system is busy and asked us to wait; sending will resume by itself. No action needed.',
  },
  'backend-circuit-open': {
    'zh-CN': '市级办件系统连续无响应，本机暂停上报一段时间后自动重试。可点击“立即重试”。',
    en: 'The central system failed repeatedly, so sending is paused briefly and will resume by itself. You can press "Retry now".',
  },
  'backend-clock-skew': {
    'zh-CN': '本机时间与市级系统相差过大，已自动校正；若仍提示，请联系管理员核对电脑时间。',
    en: "This PC's clock differs too much from the central system. It was corrected automatically; if this keeps showing, ask the administrator to check the PC clock.",
  },
  'backend-signature-refused': {
    'zh-CN': '市级系统拒绝了本终端的签名。办件保存在本机，请联系管理员检查终端证书。',
    en: "The central system refused this terminal's signature. Cases stay saved here; ask the administrator to check the terminal's key.",
  },
  'backend-terminal-unknown': {
    'zh-CN': '市级系统未登记本终端，正在自动重新注册。',
    en: 'The central system does not know this terminal; registering it again automatically.',
  },
  'backend-terminal-conflict': {
    'zh-CN': '本终端编号已被另一把密钥注册，无法上报。请联系管理员处理终端注册。',
    en: "This terminal's id is registered with another key, so nothing can be sent. Ask the administrator to sort out the terminal registration.",
  },
  'backend-bad-response': {
    'zh-CN': '市级系统返回了无法识别的应答，办件仍在本机排队，系统会自动重试。',
    en: 'The central system sent an answer we could not read. Cases stay queued and will be retried.',
  },
  'request-rejected': {
    'zh-CN': '市级系统拒绝了该请求，请查看原因后处理。',
    en: 'The central system refused the request; check the reason and act on it.',
  },
  'feed-cursor-invalid': {
    'zh-CN': '事项目录需要重新下载，系统正在自动处理。',
    en: 'The service catalogue must be downloaded again; this happens automatically.',
  },
  'submission-rejected': {
    'zh-CN': '该办件被市级系统退回，请根据原因修改后点击“重新上报”。',
    en: 'The central system sent this case back. Fix it according to the reason and press "Send again".',
  },
  'case-not-found': {
    'zh-CN': '找不到该办件，请刷新列表。',
    en: 'This case cannot be found; refresh the list.',
  },
  'outbox-item-not-dead-lettered': {
    'zh-CN': '该条目不在“被退回”状态，无需重新上报。',
    en: 'This item is not in the "sent back" state, so it does not need to be sent again.',
  },
  'certificate-numbers-exhausted': {
    'zh-CN': '本机证书字号已用完且暂时无法领取新号段。请检查网络连接后点击“立即重试”，或联系登记处管理员。',
    en: 'This terminal has no certificate numbers left and cannot lease new ones now. Check the network and press "Retry now", or call the registry administrator.',
  },
  'certificate-number-unknown': {
    'zh-CN': '该证书字号不属于本终端，不能作废。请核对字号。',
    en: 'This certificate number does not belong to this terminal, so it cannot be voided. Check the number.',
  },
  'certificate-type-unknown': {
    'zh-CN': '未知的证书类型，请联系管理员。',
    en: 'Unknown certificate type; call the administrator.',
  },
  'upload-checksum-mismatch': {
    'zh-CN': '材料上传时校验不一致，系统会自动重传该部分。',
    en: 'A part of a material failed its check during upload; it will be re-sent automatically.',
  },
  'upload-file-missing': {
    'zh-CN': '本机找不到待上传的材料文件，请重新拍摄或扫描该材料。',
    en: 'The material file to upload is missing from this terminal; capture or scan it again.',
  },
  'upload-refused': {
    'zh-CN': '市级系统拒收该材料（原因代码：{field}），不再自动重传。请核对材料后重新采集，或联系区信息中心。',
    en: 'The central system refused this material (reason code: {field}) and it will not be retried. Check it and capture it again, or call the district IT centre.',
  },
  'upload-too-large': {
    'zh-CN': '材料超过 50 MB 上限，请降低扫描分辨率或分页后重新采集。',
    en: 'The material is over the 50 MB limit; scan at a lower resolution or split it, then capture again.',
  },
  'upload-bad-id': {
    'zh-CN': '材料编号无效，请重新扫描或拍摄。',
    en: 'Not a valid material id; scan or photograph it again.',
  },
  'registry-page-gone': {
    'zh-CN': '已采集的页面在本机找不到了，请重新扫描或拍摄后再办结。',
    en: 'A captured page is no longer on this terminal; scan or photograph it again, then complete.',
  },
  'store-key-invalid': {
    'zh-CN': '本机数据密钥无法打开办件库，请勿重装系统，立即联系区信息中心。',
    en: 'The data key cannot open the local case store. Do not reinstall anything; call the district IT centre now.',
  },
  'store-corrupt': {
    'zh-CN': '本机办件库已损坏，请立即联系区信息中心，勿关闭电脑。',
    en: 'The local case store is damaged. Call the district IT centre now and leave the PC on.',
  },
  'sync-not-started': {
    'zh-CN': '上报服务尚未启动，请稍候或重启终端。',
    en: 'The sync service has not started yet; wait a moment or restart the terminal.',
  },
  // Reasons the backend gives for a permanent rejection (dead letter).
  'unknown-service-item': {
    'zh-CN': '市级系统中已没有该事项，请在最新目录中重新选择事项后重新上报。',
    en: 'The central system no longer has this service item; choose it again from the current catalogue and send again.',
  },
  'service-item-retired': {
    'zh-CN': '该事项已停止受理，请改选替代事项后重新上报。',
    en: 'This service item is no longer accepted; choose its replacement and send again.',
  },
  'form-field-missing': {
    'zh-CN': '表单缺少必填项“{field}”，请补填后重新上报。',
    en: 'The form is missing the required field "{field}"; fill it in and send again.',
  },
  'invalid-payload': {
    'zh-CN': '办件数据格式不被市级系统接受，请联系管理员。',
    en: 'The central system did not accept the data format of this item; call the administrator.',
  },
  'number-not-leased': {
    'zh-CN': '该证书字号不在本终端领取的号段内，请联系登记处管理员核对。',
    en: 'This certificate number is not in a block leased to this terminal; ask the registry administrator to check.',
  },
  'number-already-issued': {
    'zh-CN': '该证书字号已被使用，请联系登记处管理员核对。',
    en: 'This certificate number was already used; ask the registry administrator to check.',
  },
  'number-already-void': {
    'zh-CN': '该证书字号已作废，不能再使用。',
    en: 'This certificate number was already voided and cannot be used.',
  },
  'unknown-kind': {
    'zh-CN': '市级系统不认识该类条目，请升级终端软件。',
    en: 'The central system does not know this kind of item; update the terminal software.',
  },
};

/** Dead-letter reasons may carry a parameter after a colon (form-field-missing:phone). */
export function splitReason(reason: string): { code: string; param?: string } {
  const index = reason.indexOf(':');
  return index < 0 ? { code: reason } : { code: reason.slice(0, index), param: reason.slice(index + 1) };
}
