/**
 * Maps a non-successful IPP status to the printing error the officer needs
 * to see. Shared by every path that talks IPP: a printer's own IPP interface
 * and the CUPS scheduler's.
 */
import { PrinterError, type PrinterErrorCode } from '../errors';
import { GROUP_TAGS, type IppMessage } from './codec';
import { STATUS, statusMessage } from './operations';

export function ippFailure(response: IppMessage, uri: string, operation: string): PrinterError {
  const code = response.code;
  const detail = `${operation} to ${uri}: status 0x${code.toString(16).padStart(4, '0')} ${statusMessage(response) ?? ''}`.trim();
  const unsupported = response.groups.filter((group) => group.tag === GROUP_TAGS.unsupported).flatMap((group) => group.attributes.map((a) => a.name));
  let errorCode: PrinterErrorCode = 'printer-rejected-job';
  if (code === STATUS.clientErrorAttributesOrValuesNotSupported) {
    if (unsupported.some((name) => name.startsWith('media'))) errorCode = 'printer-media-unsupported';
    else if (unsupported.includes('print-scaling')) errorCode = 'printer-scaling-unsupported';
  } else if (code === STATUS.clientErrorDocumentFormatNotSupported) errorCode = 'printer-format-unsupported';
  else if (code === STATUS.clientErrorNotAuthenticated || code === STATUS.clientErrorNotAuthorized) errorCode = 'printer-authentication-required';
  else if (code === STATUS.clientErrorNotFound) errorCode = 'printer-unknown';
  else if (code === STATUS.serverErrorBusy || code === STATUS.serverErrorServiceUnavailable || code === STATUS.serverErrorTemporaryError) errorCode = 'printer-busy';
  else if (code === STATUS.serverErrorNotAcceptingJobs) errorCode = 'printer-not-accepting-jobs';
  return new PrinterError(errorCode, unsupported.length > 0 ? `${detail} (unsupported: ${unsupported.join(', ')})` : detail, { status: code });
}
