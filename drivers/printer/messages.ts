import type { PrinterErrorCode } from './errors';

/**
 * Officer-facing text for each printing error code, for the renderer's
 * vue-i18n catalogue: what happened and what to do, in plain words. Params
 * the service attaches (jobId, printerId, media, pages, axis, value, limit,
 * number, type) may be interpolated by the renderer where shown as {name}.
 */
export const PRINTER_MESSAGES: Record<PrinterErrorCode, { 'zh-CN': string; en: string }> = {
  'printer-unknown': {
    'zh-CN': '找不到所选的打印机。打印任务已保存在本机，等打印机可用后会自动重打。请确认打印机设置，或选择其他打印机。',
    en: 'The chosen printer cannot be found. The print job is saved on this computer and will print by itself once the printer is available. Check the printer settings or choose another printer.',
  },
  'printer-offline': {
    'zh-CN': '打印机没有响应（可能未开机或网线、USB线未接好）。打印任务已保存，打印机恢复后会自动重打。请检查打印机电源和连线。',
    en: 'The printer does not answer (it may be off or its cable unplugged). The job is saved and will print by itself when the printer is back. Check the printer’s power and cable.',
  },
  'printer-busy': {
    'zh-CN': '打印机正忙。打印任务已保存，稍后会自动重打，无需再次点击打印。',
    en: 'The printer is busy. The job is saved and will be retried shortly; there is no need to press print again.',
  },
  'printer-not-accepting-jobs': {
    'zh-CN': '打印机暂停接收任务（可能缺纸、卡纸或被暂停）。打印任务已保存，请处理打印机后会自动重打。',
    en: 'The printer is not accepting jobs (out of paper, jammed or paused). The job is saved; fix the printer and it will print by itself.',
  },
  'cups-not-installed': {
    'zh-CN': '本机没有安装打印服务（CUPS），无法使用这台打印机。打印任务已保存。请联系技术支持。',
    en: 'This computer has no printing service (CUPS), so this printer cannot be used. The job is saved. Contact support.',
  },
  'cups-not-running': {
    'zh-CN': '本机的打印服务没有运行。打印任务已保存，服务恢复后会自动重打。请重启电脑；如仍不行，请联系技术支持。',
    en: 'The printing service on this computer is not running. The job is saved and will print once the service is back. Restart the computer; if that does not help, contact support.',
  },
  'printer-media-unsupported': {
    'zh-CN': '这台打印机没有设置所需的纸张尺寸（{media}）。打印任务已保留，请改选能打印这种纸张的打印机，或请技术支持设置纸张。',
    en: 'This printer is not set up for the required paper size ({media}). The job is kept; choose a printer that takes this paper, or ask support to set it up.',
  },
  'printer-scaling-unsupported': {
    'zh-CN': '这台打印机不能保证按原尺寸（100%）打印，套打位置会不准。打印任务已保留，请改选其他打印机或联系技术支持。',
    en: 'This printer cannot guarantee printing at 100 % scale, so overlay positions would be wrong. The job is kept; choose another printer or contact support.',
  },
  'printer-format-unsupported': {
    'zh-CN': '这台打印机不能直接打印PDF文件。打印任务已保留，请改选其他打印机或联系技术支持。',
    en: 'This printer cannot print PDF files directly. The job is kept; choose another printer or contact support.',
  },
  'printer-authentication-required': {
    'zh-CN': '打印机要求登录才能打印。打印任务已保留，请联系技术支持配置打印机账号。',
    en: 'The printer requires a login to print. The job is kept; ask support to configure the printer account.',
  },
  'printer-rejected-job': {
    'zh-CN': '打印机拒绝了这个打印任务。打印任务已保留，可改选其他打印机重打；如反复出现，请联系技术支持。',
    en: 'The printer refused this job. The job is kept; you can print it on another printer. If this keeps happening, contact support.',
  },
  'printer-protocol-error': {
    'zh-CN': '与打印机通信出错。打印任务已保留，请稍后重打或改选其他打印机；如反复出现，请联系技术支持。',
    en: 'Communication with the printer failed. The job is kept; retry later or use another printer. If this keeps happening, contact support.',
  },
  'print-job-aborted': {
    'zh-CN': '打印机中止了打印（可能卡纸或出错）。请查看已打出的纸张：如是证书，请按“作废重打”处理；其他文件可直接重打。',
    en: 'The printer aborted the job (perhaps a jam or an error). Check what came out: for a certificate use “void and reprint”; other documents can simply be printed again.',
  },
  'print-job-canceled-by-printer': {
    'zh-CN': '打印任务在打印机上被取消了。请查看已打出的纸张，需要时重打；如是证书，请按“作废重打”处理。',
    en: 'The job was canceled at the printer. Check what came out and print again if needed; for a certificate use “void and reprint”.',
  },
  'print-job-lost': {
    'zh-CN': '无法确认打印结果（打印机已不记得这个任务）。请查看是否已打出；如是证书且未打好，请按“作废重打”处理。',
    en: 'The print result cannot be confirmed (the printer no longer knows the job). Check whether it printed; for a certificate that did not print properly use “void and reprint”.',
  },
  'print-document-invalid': {
    'zh-CN': '要打印的文件已损坏或不是PDF，未发送到打印机。请重新生成文件后再打印。',
    en: 'The document is damaged or not a PDF, so nothing was sent to the printer. Generate the document again and print.',
  },
  'print-media-mismatch': {
    'zh-CN': '文件第{pages}页的尺寸与纸张（{media}）不一致，按原尺寸打印会错位，因此未打印。请检查所选纸张或重新生成文件。',
    en: 'Page(s) {pages} of the document do not match the paper ({media}); printing at 100 % would misplace them, so nothing was printed. Check the paper choice or generate the document again.',
  },
  'print-copies-invalid': {
    'zh-CN': '打印份数不正确，请输入1到99之间的数字。',
    en: 'The number of copies is not valid; enter a number from 1 to 99.',
  },
  'print-job-not-found': {
    'zh-CN': '找不到这个打印任务，可能已经打印完成或被删除。请刷新打印队列。',
    en: 'This print job cannot be found; it may have finished or been removed. Refresh the print queue.',
  },
  'print-job-not-retryable': {
    'zh-CN': '这个任务正在打印机上处理，不能重打。请等它完成或先取消。',
    en: 'This job is still being handled by the printer and cannot be retried. Wait for it to finish or cancel it first.',
  },
  'print-queue-storage-failed': {
    'zh-CN': '无法在本机保存打印任务（磁盘可能已满或无权限），未打印。请联系技术支持。',
    en: 'The print job could not be saved on this computer (disk full or no permission), so nothing was printed. Contact support.',
  },
  'calibration-offset-invalid': {
    'zh-CN': '校准数值不正确。请输入以毫米为单位的数字（可带小数点，如 1.5 或 -2）。',
    en: 'The calibration value is not valid. Enter a number of millimetres (decimals allowed, e.g. 1.5 or -2).',
  },
  'calibration-offset-out-of-range': {
    'zh-CN': '校准偏移超过±{limit}毫米，说明证书纸放歪了或打印机在缩放。请重新放纸、检查打印机设置后再打印校准页测量。',
    en: 'The calibration offset is beyond ±{limit} mm, which means the stock is loaded crooked or the printer is scaling. Reload the stock, check the printer settings and measure a new calibration page.',
  },
  'calibration-storage-failed': {
    'zh-CN': '无法读取或保存打印机校准数据。请联系技术支持；在修复前请勿套打证书。',
    en: 'The printer calibration data cannot be read or saved. Contact support, and do not overlay-print certificates until it is fixed.',
  },
  'certificate-number-unavailable': {
    'zh-CN': '本机没有可用的证书字号（号段已用完或未领取）。请联网后刷新号段，或联系管理员分配号段。',
    en: 'No certificate number is available on this terminal (the number block is used up or not leased). Go online to refresh the block, or ask an administrator to assign one.',
  },
  'certificate-void-failed': {
    'zh-CN': '未能记录作废的证书字号，因此没有重打。请重试；如仍失败，请联系技术支持。',
    en: 'The spoiled certificate number could not be recorded as void, so nothing was reprinted. Try again; if it still fails, contact support.',
  },
  'certificate-print-failed': {
    'zh-CN': '证书未能生成或发送打印，已取的字号已作废。请检查登记信息后重新打印。',
    en: 'The certificate could not be generated or sent to the printer; the number taken for it was voided. Check the registration details and print again.',
  },
};
