/**
 * Does a configured printer exist? An IPP printer must answer
 * Get-Printer-Attributes; a CUPS queue must be listed by the scheduler.
 * Used before a pushed configuration naming a new printer is applied.
 */
import { CupsCli } from '../../drivers/printer/cups';
import { IppClient } from '../../drivers/printer/ipp/client';
import { getPrinterAttributesRequest, statusClass } from '../../drivers/printer/ipp/operations';
import type { PrinterConfig } from './config-push';

export async function printerExists(printer: PrinterConfig, timeoutMs = 5_000): Promise<boolean> {
  try {
    if (printer.kind === 'ipp') {
      const response = await new IppClient({ timeoutMs }).send(printer.uri, (requestId) => getPrinterAttributesRequest(printer.uri, requestId, 'window-terminal'));
      return statusClass(response.code) === 'success';
    }
    return (await new CupsCli({ timeoutMs }).queues()).some((queue) => queue.name === printer.queue);
  } catch {
    return false;
  }
}
