/**
 * Words for the extension terminal's self-check faults: what is wrong and
 * what the person at the extension point (no IT staff) can do about it.
 */
import type { OfficerMessage } from '../../contract/errors';
import type { SelfCheckProblem } from '../../domain/self-check';

export const KIOSK_MESSAGES: Record<SelfCheckProblem, OfficerMessage> & Record<string, OfficerMessage> = {
  'self-check-reader-missing': {
    'zh-CN': '找不到身份证阅读器。请检查阅读器的USB线是否插好，然后点“重新检查”；仍不行请联系受理中心。',
    en: 'The ID card reader is not found. Check that its USB cable is plugged in, then press "Check again"; if it persists, call the centre.',
  },
  'self-check-reader-unplugged': {
    'zh-CN': '身份证阅读器已断开。请把阅读器的USB线重新插紧，稍等几秒会自动恢复。',
    en: 'The ID card reader was disconnected. Plug its USB cable back in firmly; it recovers by itself within seconds.',
  },
  'self-check-reader-faulty': {
    'zh-CN': '身份证阅读器工作不正常。请拔下USB线等5秒再插上；仍不行请联系受理中心。',
    en: 'The ID card reader is not working properly. Unplug its USB cable, wait 5 seconds and plug it in again; if it persists, call the centre.',
  },
  'self-check-printer-missing': {
    'zh-CN': '本机没有配置打印机。请联系受理中心配置打印机。',
    en: 'No printer is set up on this terminal. Ask the centre to set one up.',
  },
  'self-check-printer-unreachable': {
    'zh-CN': '打印机没有响应。请确认打印机电源已打开、网线或USB线已插好，然后点“重新检查”。',
    en: 'The printer does not answer. Check that it is switched on and its network or USB cable is plugged in, then press "Check again".',
  },
  'self-check-printer-stopped': {
    'zh-CN': '打印机暂停了（可能缺纸、卡纸、缺碳粉或机盖未合上）。请检查纸盒和碳粉、合上机盖，然后点“重新检查”。',
    en: 'The printer has stopped (out of paper, a jam, no toner or a cover open). Check the paper and toner, close the covers, then press "Check again".',
  },
  'self-check-scanner-gun-missing': {
    'zh-CN': '找不到扫码枪。请检查扫码枪的连接线，然后点“重新检查”。',
    en: 'The scanner gun is not found. Check its cable, then press "Check again".',
  },
  'self-check-scanner-gun-unplugged': {
    'zh-CN': '扫码枪已断开。请把连接线重新插紧，稍等几秒会自动恢复。',
    en: 'The scanner gun was disconnected. Plug its cable back in firmly; it recovers by itself within seconds.',
  },
  'self-check-camera-missing': {
    'zh-CN': '找不到摄像头，无法视频办理。请检查摄像头的USB线，然后点“重新检查”。',
    en: 'No camera is found, so video service is not possible. Check the camera USB cable, then press "Check again".',
  },
  'self-check-microphone-missing': {
    'zh-CN': '找不到麦克风，工作人员将听不到您。请检查麦克风或耳麦的连接，然后点“重新检查”。',
    en: 'No microphone is found, so the officer cannot hear you. Check the microphone or headset, then press "Check again".',
  },
  'self-check-media-unchecked': {
    'zh-CN': '摄像头和麦克风尚未检查。请稍候，屏幕打开后会自动检查。',
    en: 'Camera and microphone have not been checked yet. They are checked when the screen opens.',
  },
  'self-check-centre-unreachable': {
    'zh-CN': '连不上受理中心，暂时无法取号和视频办理。请检查网线或无线网络是否连接；网络恢复后会自动连上。',
    en: 'The centre cannot be reached, so tickets and video service are unavailable. Check the network cable or Wi-Fi; it reconnects by itself.',
  },
  'self-check-centre-refused': {
    'zh-CN': '受理中心拒绝了本机的连接（设备身份未登记或时间不准）。请联系受理中心处理。',
    en: 'The centre refused this terminal (identity not registered or clock wrong). Call the centre.',
  },
  'self-check-disk-low': {
    'zh-CN': '本机存储空间不足，请联系受理中心清理。暂不影响办理。',
    en: 'This terminal is running out of disk space; ask the centre to clear it. Service is not affected yet.',
  },
  'self-check-disk-full': {
    'zh-CN': '本机存储空间已满，无法保存办件。请联系受理中心立即处理。',
    en: 'The disk is full and cases cannot be saved. Call the centre now.',
  },
  'not-an-extension-terminal': {
    'zh-CN': '本机不是虚拟窗口延伸端，不能执行此操作。',
    en: 'This terminal is not an extension terminal; this action is not available.',
  },
  'centre-unreachable': {
    'zh-CN': '暂时连不上受理中心，请稍后再试；网络恢复后会自动连上。',
    en: 'The centre cannot be reached right now. Please try again shortly; it reconnects by itself.',
  },
  'centre-unknown': {
    'zh-CN': '该受理中心暂不可选，请选择其他中心。',
    en: 'This centre cannot be chosen now; please choose another.',
  },
  'ticket-unknown': {
    'zh-CN': '受理中心找不到这个号码，请重新取号。',
    en: 'The centre does not know this ticket; please take a new one.',
  },
  'request-unknown': {
    'zh-CN': '受理中心暂不支持此操作，请联系工作人员。',
    en: 'The centre does not support this action; please ask staff.',
  },
  'video-session-unknown': {
    'zh-CN': '视频已结束或尚未开始，请等候工作人员呼叫。',
    en: 'The video session has ended or not started; please wait for the officer to call.',
  },
  'video-signal-invalid': {
    'zh-CN': '视频连接信息有误，请工作人员重新呼叫。',
    en: 'The video connection data was invalid; the officer should call again.',
  },
  'card-read-request-invalid': {
    'zh-CN': '读卡请求有误，请工作人员重新发起。',
    en: 'The card read request was invalid; the officer should ask again.',
  },
  'evaluation-request-invalid': {
    'zh-CN': '评价请求有误，请工作人员重新发起。',
    en: 'The evaluation request was invalid; the officer should ask again.',
  },
  'evaluation-not-requested': {
    'zh-CN': '这次评价已经提交或已结束，无需再评。',
    en: 'This evaluation was already submitted or has ended.',
  },
  'advice-invalid': {
    'zh-CN': '换中心建议有误，请工作人员重新发送。',
    en: 'The change-of-centre advice was invalid; the officer should send it again.',
  },
  'form-push-invalid': {
    'zh-CN': '推送的申请表有误，请工作人员重新推送。',
    en: 'The pushed form was invalid; the officer should push it again.',
  },
  'form-not-pushed': {
    'zh-CN': '这张申请表不是工作人员推送的，或已经提交。',
    en: 'This form was not pushed by the officer, or was already sent.',
  },
  'form-print-no-printer': {
    'zh-CN': '本终端没有可用的打印机，无法打印申请表。请在签字板上签名，或告诉工作人员。',
    en: 'This terminal has no printer to print the form. Sign on the pad instead, or tell the officer.',
  },
  'form-photos-missing': {
    'zh-CN': '请先拍下签好字的申请表（每页一张），再发送。',
    en: 'Take a photo of each signed page first, then send.',
  },
  'form-photos-invalid': {
    'zh-CN': '照片无法使用（不是 JPEG 图片或太大），请重新拍照。',
    en: 'A photo cannot be used (not a JPEG picture, or too large); take it again.',
  },
};
