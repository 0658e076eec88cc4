/**
 * What a scanned code is: a Suishen code, a medical insurance e-voucher, a
 * national e-invoice QR code, or plain text. Pure and total: any string gets a
 * result, nothing throws, and the raw payload is always kept verbatim.
 *
 * Formats and what is known about them:
 * - e-invoice (national VAT e-invoice QR): not published as a standard by the
 *   tax administration, but its layout is stable and widely documented by
 *   integrators: comma-separated fields
 *     01,<type>,<invoice code>,<invoice number>,<amount>,<YYYYMMDD>,<check code>,<4 hex>,
 *   e.g. `01,10,011001605111,80100798,64.9,20161018,85342965681116380258,` and,
 *   for fully digitised invoices (数电票), an empty invoice code and a
 *   20-digit number: `01,32,,23442000000014209621,112,20230215,,74AE`.
 *   The last 4-hex field's meaning is not public; we keep it as `trailer`.
 * - Suishen code (随申码) and medical insurance e-voucher (医保电子凭证): the
 *   payloads are NOT public. The e-voucher is opaque by design: it is decoded
 *   only by the NHSA platform (interface `ec.query`). So these two are
 *   recognised by configurable rules on what is observable (prefix, URL host,
 *   pattern, length). The defaults below are assumptions, marked `assumed`,
 *   to be replaced by rules pushed from the backend configuration once real
 *   codes have been collected at a counter.
 */

export const SCAN_PAYLOAD_KINDS = ['suishen-code', 'medical-insurance-e-voucher', 'e-invoice', 'text'] as const;
export type ScanPayloadKind = (typeof SCAN_PAYLOAD_KINDS)[number];

/** One recognition rule. Every criterion given must hold; a rule with no criterion never matches. */
export interface PayloadRule {
  id: string;
  /** Literal prefixes (any of them), case-sensitive. */
  prefixes?: string[];
  /** The payload is an http(s) URL whose host equals or ends with `.`+ one of these. */
  urlHostSuffixes?: string[];
  /** A JavaScript regular expression source tested against the trimmed payload. */
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  /** True when the rule is a guess, not checked against real codes. */
  assumed?: boolean;
}

export interface ScanPayloadRules {
  suishenCode: PayloadRule[];
  medicalInsuranceEVoucher: PayloadRule[];
}

export const DEFAULT_SCAN_PAYLOAD_RULES: ScanPayloadRules = {
  // Assumption: the Suishen code is issued by the city's government service
  // platform, so a code that is a link carries a *.sh.gov.cn host.
  suishenCode: [{ id: 'assumed-suishen-sh-gov-url', urlHostSuffixes: ['sh.gov.cn'], assumed: true }],
  // Assumption: a link form of the e-voucher points at the NHSA domain. Opaque
  // (non-URL) e-vouchers need a site rule from configuration.
  medicalInsuranceEVoucher: [{ id: 'assumed-e-voucher-nhsa-url', urlHostSuffixes: ['nhsa.gov.cn'], assumed: true }],
};

/** Known type codes of the second field; others are kept as the bare code. */
export const E_INVOICE_TYPES: Record<string, string> = {
  '01': 'vat-special',
  '04': 'vat-ordinary',
  '08': 'vat-special-electronic',
  '10': 'vat-ordinary-electronic',
  '11': 'vat-ordinary-roll',
  '14': 'toll-ordinary-electronic',
  '31': 'digital-special',
  '32': 'digital-ordinary',
};

export interface EInvoiceQr {
  version: string;
  typeCode: string;
  /** English name of the type when the code is known. */
  type?: string;
  /** 10 or 12 digits on older invoices; empty on fully digitised invoices. */
  invoiceCode: string;
  invoiceNumber: string;
  /** As printed (a decimal string), never converted to a float. */
  amount: string;
  issueDate: string;
  checkCode: string;
  trailer: string;
}

export type ScanPayload =
  | { kind: 'e-invoice'; raw: string; invoice: EInvoiceQr; warnings: string[] }
  | { kind: 'suishen-code' | 'medical-insurance-e-voucher'; raw: string; ruleId: string; assumed: boolean }
  | { kind: 'text'; raw: string };

/** A QR code holds at most 7,089 characters; anything longer is not a code, so we stop looking. */
export const MAX_CLASSIFIED_LENGTH = 8192;

export function classifyScanPayload(raw: string, rules: ScanPayloadRules = DEFAULT_SCAN_PAYLOAD_RULES): ScanPayload {
  if (typeof raw !== 'string') return { kind: 'text', raw: String(raw) };
  if (raw.length > MAX_CLASSIFIED_LENGTH) return { kind: 'text', raw };
  const value = normalise(raw);

  const invoice = parseEInvoice(value);
  if (invoice) return { kind: 'e-invoice', raw, invoice: invoice.invoice, warnings: invoice.warnings };

  const suishen = firstMatchingRule(value, rules?.suishenCode);
  if (suishen) return { kind: 'suishen-code', raw, ruleId: suishen.id, assumed: suishen.assumed === true };

  const voucher = firstMatchingRule(value, rules?.medicalInsuranceEVoucher);
  if (voucher) return { kind: 'medical-insurance-e-voucher', raw, ruleId: voucher.id, assumed: voucher.assumed === true };

  return { kind: 'text', raw };
}

/** Scanners add BOMs, stray CR/LF and padding around the code; the raw value keeps them. */
function normalise(raw: string): string {
  return raw.replace(/^[\uFEFF\s\u0000-\u001F]+|[\s\u0000-\u001F]+$/g, '');
}

const DIGITS = /^\d+$/;

export function parseEInvoice(value: string): { invoice: EInvoiceQr; warnings: string[] } | undefined {
  if (!value.startsWith('01,')) return undefined;
  const fields = value.split(',');
  // The format ends with a comma on most invoices; an empty last field is not data.
  if (fields.length > 7 && fields[fields.length - 1] === '') fields.pop();
  if (fields.length < 7 || fields.length > 9) return undefined;
  const [version = '', typeCode = '', invoiceCode = '', invoiceNumber = '', amount = '', issueDate = '', checkCode = '', trailer = ''] = fields;

  if (!/^\d{2}$/.test(typeCode)) return undefined;
  if (!DIGITS.test(invoiceNumber) || (invoiceNumber.length !== 8 && invoiceNumber.length !== 20)) return undefined;
  const iso = isoFromCompactDate(issueDate);
  if (!iso) return undefined;

  const warnings: string[] = [];
  if (invoiceCode !== '' && (!DIGITS.test(invoiceCode) || (invoiceCode.length !== 10 && invoiceCode.length !== 12))) {
    warnings.push('e-invoice-code-unusual');
  }
  if (!/^-?\d+(\.\d{1,2})?$/.test(amount)) warnings.push('e-invoice-amount-unusual');
  if (checkCode !== '' && !/^\d{20}$/.test(checkCode)) warnings.push('e-invoice-check-code-unusual');
  if (fields.length === 9) warnings.push('e-invoice-extra-field');

  const invoice: EInvoiceQr = { version, typeCode, invoiceCode, invoiceNumber, amount, issueDate: iso, checkCode, trailer };
  const type = E_INVOICE_TYPES[typeCode];
  if (type) invoice.type = type;
  return { invoice, warnings };
}

function isoFromCompactDate(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1990 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${y}-${mo}-${d}`;
}

function firstMatchingRule(value: string, rules: PayloadRule[] | undefined): PayloadRule | undefined {
  if (!Array.isArray(rules)) return undefined;
  for (const rule of rules) {
    if (ruleMatches(value, rule)) return rule;
  }
  return undefined;
}

/** Rules come from configuration: a bad one (e.g. an invalid regex) simply never matches. */
export function ruleMatches(value: string, rule: PayloadRule): boolean {
  if (!rule || typeof rule !== 'object') return false;
  let criteria = 0;
  if (rule.minLength !== undefined) {
    criteria++;
    if (value.length < rule.minLength) return false;
  }
  if (rule.maxLength !== undefined) {
    criteria++;
    if (value.length > rule.maxLength) return false;
  }
  if (rule.prefixes && rule.prefixes.length > 0) {
    criteria++;
    if (!rule.prefixes.some((p) => typeof p === 'string' && p !== '' && value.startsWith(p))) return false;
  }
  if (rule.urlHostSuffixes && rule.urlHostSuffixes.length > 0) {
    criteria++;
    const host = urlHost(value);
    if (!host) return false;
    if (!rule.urlHostSuffixes.some((s) => typeof s === 'string' && s !== '' && (host === s.toLowerCase() || host.endsWith(`.${s.toLowerCase()}`)))) {
      return false;
    }
  }
  if (rule.pattern !== undefined) {
    criteria++;
    const re = compile(rule.pattern);
    if (!re || !re.test(value)) return false;
  }
  return criteria > 0;
}

const compiled = new Map<string, RegExp | null>();
/** Configuration holds a handful of patterns; the bound only stops a misbehaving caller from growing the cache forever. */
const MAX_COMPILED = 256;

function compile(source: string): RegExp | null {
  if (typeof source !== 'string') return null;
  let re = compiled.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null;
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Host of an http(s) URL, lower-cased, without userinfo or port. Parsed by hand to stay free of DOM/Node URL. */
export function urlHost(value: string): string | undefined {
  const m = /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)(?::\d+)?(?:[/?#]|$)/i.exec(value);
  return m?.[1]?.toLowerCase();
}

export const SCAN_SOURCES = ['serial', 'hid-pos', 'keyboard-wedge'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

/** One code read by a scanner gun or scan box, as the drivers emit it. */
export interface ScanReading {
  deviceId: string;
  source: ScanSource;
  payload: ScanPayload;
  /** ISO timestamp of when the terminal received the code. */
  receivedAt: string;
  /** AIM symbology identifier (e.g. ']Q1' for QR) when the scanner sends one. */
  symbologyId?: string;
  /** True when the bytes were not valid text and some characters were replaced. */
  lossy?: boolean;
}
