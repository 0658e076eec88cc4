/**
 * The four IPP operations the terminal uses (RFC 8011 §4), built as plain
 * messages and read back into plain records. Pure: no I/O.
 */
import { GROUP_TAGS, type IppAttribute, type IppGroup, type IppMessage, type IppValue } from './codec';

export const OPERATIONS = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
} as const;

/** job-state enum (RFC 8011 §5.3.7). */
export const JOB_STATES = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
} as const;
export type IppJobState = (typeof JOB_STATES)[keyof typeof JOB_STATES];

/** printer-state enum (RFC 8011 §5.4.11). */
export const PRINTER_STATES = { 3: 'idle', 4: 'processing', 5: 'stopped' } as const;
export type IppPrinterState = (typeof PRINTER_STATES)[keyof typeof PRINTER_STATES];

export const STATUS = {
  successfulOk: 0x0000,
  clientErrorNotFound: 0x0406,
  clientErrorDocumentFormatNotSupported: 0x040a,
  clientErrorAttributesOrValuesNotSupported: 0x040b,
  clientErrorNotAuthenticated: 0x0402,
  clientErrorNotAuthorized: 0x0403,
  clientErrorNotPossible: 0x0404,
  serverErrorServiceUnavailable: 0x0502,
  serverErrorTemporaryError: 0x0505,
  serverErrorNotAcceptingJobs: 0x0506,
  serverErrorBusy: 0x0507,
} as const;

export type StatusClass = 'success' | 'client-error' | 'server-error' | 'other';

export function statusClass(code: number): StatusClass {
  if (code <= 0x00ff) return 'success';
  if (code >= 0x0400 && code <= 0x04ff) return 'client-error';
  if (code >= 0x0500 && code <= 0x05ff) return 'server-error';
  return 'other';
}

const IPP_1_1 = { major: 1, minor: 1 };

function kw(value: string): IppValue {
  return { tag: 'keyword', value };
}

/** The three operation attributes every request starts with, in the order RFC 8011 §4.1.4 requires. */
function operationGroup(printerUri: string, extra: IppAttribute[]): IppGroup {
  return {
    tag: GROUP_TAGS.operation,
    attributes: [
      { name: 'attributes-charset', values: [{ tag: 'charset', value: 'utf-8' }] },
      { name: 'attributes-natural-language', values: [{ tag: 'naturalLanguage', value: 'en' }] },
      { name: 'printer-uri', values: [{ tag: 'uri', value: printerUri }] },
      ...extra,
    ],
  };
}

function requestingUser(userName: string): IppAttribute {
  return { name: 'requesting-user-name', values: [{ tag: 'nameWithoutLanguage', value: userName }] };
}

export interface PrintJobRequest {
  printerUri: string;
  requestId: number;
  userName: string;
  jobName: string;
  /** PWG media keyword, e.g. iso_a4_210x297mm. */
  media: string;
  copies: number;
  /** Send print-scaling=none: only when the printer lists it as supported. */
  printScalingNone: boolean;
  /**
   * Ask the printer to refuse the job rather than substitute an attribute
   * (a different media, scaling) it cannot honour.
   */
  fidelity: boolean;
  document: Uint8Array;
}

export function printJobRequest(request: PrintJobRequest): IppMessage {
  const jobAttributes: IppAttribute[] = [{ name: 'media', values: [kw(request.media)] }];
  if (request.printScalingNone) jobAttributes.push({ name: 'print-scaling', values: [kw('none')] });
  if (request.copies !== 1) jobAttributes.push({ name: 'copies', values: [{ tag: 'integer', value: request.copies }] });
  return {
    version: IPP_1_1,
    code: OPERATIONS.printJob,
    requestId: request.requestId,
    groups: [
      operationGroup(request.printerUri, [
        requestingUser(request.userName),
        { name: 'job-name', values: [{ tag: 'nameWithoutLanguage', value: request.jobName }] },
        { name: 'ipp-attribute-fidelity', values: [{ tag: 'boolean', value: request.fidelity }] },
        { name: 'document-format', values: [{ tag: 'mimeMediaType', value: 'application/pdf' }] },
      ]),
      { tag: GROUP_TAGS.job, attributes: jobAttributes },
    ],
    data: request.document,
  };
}

export function getJobAttributesRequest(printerUri: string, requestId: number, jobId: number, userName: string): IppMessage {
  return {
    version: IPP_1_1,
    code: OPERATIONS.getJobAttributes,
    requestId,
    groups: [
      operationGroup(printerUri, [
        { name: 'job-id', values: [{ tag: 'integer', value: jobId }] },
        requestingUser(userName),
        {
          name: 'requested-attributes',
          values: ['job-id', 'job-state', 'job-state-reasons', 'job-state-message', 'job-impressions-completed', 'media', 'print-scaling'].map(kw),
        },
      ]),
    ],
    data: new Uint8Array(0),
  };
}

export function cancelJobRequest(printerUri: string, requestId: number, jobId: number, userName: string): IppMessage {
  return {
    version: IPP_1_1,
    code: OPERATIONS.cancelJob,
    requestId,
    groups: [operationGroup(printerUri, [{ name: 'job-id', values: [{ tag: 'integer', value: jobId }] }, requestingUser(userName)])],
    data: new Uint8Array(0),
  };
}

export const PRINTER_ATTRIBUTES_WANTED = [
  'printer-name',
  'printer-make-and-model',
  'printer-state',
  'printer-state-reasons',
  'printer-is-accepting-jobs',
  'document-format-supported',
  'media-supported',
  'media-ready',
  'media-default',
  'print-scaling-supported',
] as const;

export function getPrinterAttributesRequest(printerUri: string, requestId: number, userName: string): IppMessage {
  return {
    version: IPP_1_1,
    code: OPERATIONS.getPrinterAttributes,
    requestId,
    groups: [
      operationGroup(printerUri, [
        requestingUser(userName),
        { name: 'requested-attributes', values: PRINTER_ATTRIBUTES_WANTED.map(kw) },
      ]),
    ],
    data: new Uint8Array(0),
  };
}

// ---------------------------------------------------------------- reading responses

/** First attribute of that name in groups with that tag (printers sometimes repeat one; the first wins). */
export function findAttribute(message: IppMessage, groupTag: number, name: string): IppAttribute | undefined {
  for (const group of message.groups) {
    if (group.tag !== groupTag) continue;
    const attribute = group.attributes.find((candidate) => candidate.name === name);
    if (attribute) return attribute;
  }
  return undefined;
}

function strings(attribute: IppAttribute | undefined): string[] {
  if (!attribute) return [];
  return attribute.values.flatMap((value) => ('value' in value && typeof value.value === 'string' ? [value.value] : []));
}

function firstNumber(attribute: IppAttribute | undefined): number | undefined {
  const value = attribute?.values[0];
  return value && (value.tag === 'integer' || value.tag === 'enum') ? value.value : undefined;
}

function firstBoolean(attribute: IppAttribute | undefined): boolean | undefined {
  const value = attribute?.values[0];
  return value?.tag === 'boolean' ? value.value : undefined;
}

export function statusMessage(message: IppMessage): string | undefined {
  return strings(findAttribute(message, GROUP_TAGS.operation, 'status-message'))[0];
}

export interface IppJobStatus {
  jobId: number;
  state: IppJobState | undefined;
  stateReasons: string[];
  stateMessage: string | undefined;
  impressionsCompleted: number | undefined;
  media: string | undefined;
  printScaling: string | undefined;
}

export function readJobStatus(message: IppMessage): IppJobStatus | undefined {
  const jobId = firstNumber(findAttribute(message, GROUP_TAGS.job, 'job-id'));
  if (jobId === undefined) return undefined;
  const stateCode = firstNumber(findAttribute(message, GROUP_TAGS.job, 'job-state'));
  return {
    jobId,
    state: stateCode === undefined ? undefined : (JOB_STATES as Record<number, IppJobState>)[stateCode],
    stateReasons: strings(findAttribute(message, GROUP_TAGS.job, 'job-state-reasons')),
    stateMessage: strings(findAttribute(message, GROUP_TAGS.job, 'job-state-message'))[0],
    impressionsCompleted: firstNumber(findAttribute(message, GROUP_TAGS.job, 'job-impressions-completed')),
    media: strings(findAttribute(message, GROUP_TAGS.job, 'media'))[0],
    printScaling: strings(findAttribute(message, GROUP_TAGS.job, 'print-scaling'))[0],
  };
}

export interface IppPrinterDescription {
  name: string | undefined;
  makeAndModel: string | undefined;
  state: IppPrinterState | undefined;
  stateReasons: string[];
  acceptingJobs: boolean | undefined;
  documentFormats: string[];
  mediaSupported: string[];
  mediaReady: string[];
  mediaDefault: string | undefined;
  /** undefined when the printer does not report print-scaling at all (IPP/1.1-era printers). */
  printScalingSupported: string[] | undefined;
}

export function readPrinterDescription(message: IppMessage): IppPrinterDescription {
  const attr = (name: string): IppAttribute | undefined => findAttribute(message, GROUP_TAGS.printer, name);
  const stateCode = firstNumber(attr('printer-state'));
  const scaling = attr('print-scaling-supported');
  return {
    name: strings(attr('printer-name'))[0],
    makeAndModel: strings(attr('printer-make-and-model'))[0],
    state: stateCode === undefined ? undefined : (PRINTER_STATES as Record<number, IppPrinterState>)[stateCode],
    stateReasons: strings(attr('printer-state-reasons')),
    acceptingJobs: firstBoolean(attr('printer-is-accepting-jobs')),
    documentFormats: strings(attr('document-format-supported')),
    mediaSupported: strings(attr('media-supported')),
    mediaReady: strings(attr('media-ready')),
    mediaDefault: strings(attr('media-default'))[0],
    printScalingSupported: scaling ? strings(scaling) : undefined,
  };
}
