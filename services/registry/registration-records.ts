/**
 * The registry businesses that start from the registration index: a
 * replacement certificate (补领结婚证 BJ / 补领离婚证 BL) prints from the
 * original registration the centre finds by the applicant's ID number and
 * name, with the original date and number in the remarks; a record
 * certificate (婚姻登记记录证明) lists what the Shanghai index holds for a
 * person, or states that it holds nothing. A record that does not exist is
 * refused by name, and nothing prints.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { looksLikeCountryCode } from '../../domain/registry/nationality';
import type { PrintJobRecord } from '../../domain/printing';
import { checkDocumentData } from '../../documents/check';
import { registryForDivision } from '../../documents/kinds/registries';
import type { RegistryBusiness } from '../../domain/registry/business';
import { askCentre, type CentrePort } from './centre-call';
import { printedPartySchema } from '../../contract/registry-business';

export const registrationSchema = z.object({
  kind: z.enum(['marriage', 'divorce']),
  date: z.string(),
  authority: z.string(),
  number: z.string().optional(),
  parties: z.array(printedPartySchema).length(2),
});
export type Registration = z.infer<typeof registrationSchema>;
export type RegistryPerson = z.infer<typeof printedPartySchema>;

const searchAnswerSchema = z.object({ records: z.array(registrationSchema) });
const recordCertificateAnswerSchema = z.object({ number: z.string(), issuedOn: z.string(), records: z.array(registrationSchema) });

/** 2008-08-08 → 2008年08月08日, as the remarks print it. */
const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-');
  return `${year}年${month}月${day}日`;
};
const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The remarks of a replacement: it is one, and what it replaces. */
export function replacementRemarks(record: Registration): string {
  return `补发。原登记日期：${chineseDate(record.date)}${record.number ? `；原证字号：${record.number}` : ''}。`;
}

export interface ReplacementDraft {
  record: Registration;
  /** What the replacement certificate prints: the original date and parties, and the remarks. */
  registeredOn: string;
  parties: RegistryPerson[];
  remarks: string;
}

export interface RegistrationRecordsDeps {
  centre: CentrePort;
  registryCode: string;
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  audit(action: string, subject: string, details: Record<string, unknown>): void;
  /** A record certificate issued: one started and done business of the day (registry/desk-steps.ts), once. */
  stepDone?(business: RegistryBusiness, idNumbers: string[]): void;
}

export interface IssuedRecordCertificate {
  job: PrintJobRecord;
  number: string;
  issuedOn: string;
  records: Registration[];
}

const KIND_OF_TYPE = { BJ: 'marriage', BL: 'divorce' } as const;

export class RegistrationRecords {
  /** Originals found here, by number: the only ones a replacement prints from. */
  readonly #originals = new Map<string, Registration>();
  /**
   * One request id per person until the certificate has printed: a press after a lost answer or a failed print is the
   * same certificate under the same number, never a second number.
   */
  readonly #pendingCertificates = new Map<string, { id: string; issued: boolean }>();
  /** Certificates issued here, by number, as printed: a reprint prints the same text (the index may have changed since). */
  readonly #issued = new Map<string, { data: Record<string, unknown>; issuedOn: string; records: Registration[] }>();

  constructor(private readonly deps: RegistrationRecordsDeps) {}

  async #search(idNumber: string, name: string): Promise<Registration[]> {
    if (!idNumber.trim() || !name.trim()) throw new TerminalError('registry-party-missing', 'read the applicant\'s card first');
    return searchAnswerSchema.parse(await askCentre(this.deps.centre, '/v1/registry/records/search', { idNumber: idNumber.trim(), name: name.trim() })).records;
  }

  /** The registration a replacement re-issues: the person's latest of that kind, still in force for a marriage. */
  async findOriginal(type: 'BJ' | 'BL', idNumber: string, name: string): Promise<ReplacementDraft> {
    const kind = KIND_OF_TYPE[type];
    const records = await this.#search(idNumber, name);
    const original = records.filter((record) => record.kind === kind).at(-1);
    if (!original) throw new TerminalError(`registry-${kind}-record-not-found`, `no ${kind} registration for this ID number and name`, { name: name.trim() });
    if (kind === 'marriage') {
      const ended = records.find((record) => record.kind === 'divorce' && record.date >= original.date && original.parties.every((party) => record.parties.some((other) => same(other.idNumber, party.idNumber))));
      if (ended) throw new TerminalError('registry-marriage-dissolved', 'the marriage was dissolved', { date: ended.date, number: ended.number ?? '' });
    }
    const key = original.number ?? `${kind}:${original.date}:${original.parties.map((party) => party.idNumber).join('/')}`;
    // Found again, it becomes the latest (originalFor names the last one found).
    this.#originals.delete(key);
    this.#originals.set(key, original);
    this.deps.audit('registry.original-found', original.number ?? original.date, { type });
    return { record: original, registeredOn: original.date, parties: original.parties, remarks: replacementRemarks(original) };
  }

  /** The original of this kind naming this person that the desk last found (the replacement's papers name it). */
  originalFor(kind: 'marriage' | 'divorce', idNumber: string): Registration | undefined {
    return [...this.#originals.values()].filter((record) => record.kind === kind && record.parties.some((party) => same(party.idNumber, idNumber))).at(-1);
  }

  /** Before a BJ/BL prints: it re-issues an original found here, with its date, parties and remarks unchanged. */
  guardReplacement(request: { type: string; data: unknown; originalNumber?: string | undefined }): void {
    if (request.type !== 'BJ' && request.type !== 'BL') return;
    const original = request.originalNumber ? this.#originals.get(request.originalNumber) : undefined;
    if (!original || original.kind !== KIND_OF_TYPE[request.type]) throw new TerminalError('registry-replacement-original-missing', 'a replacement needs the original registration found through the centre');
    const data = z.object({ registeredOn: z.string(), remarks: z.string().optional(), parties: z.array(z.object({ idNumber: z.string() })) }).safeParse(request.data);
    const matches =
      data.success &&
      data.data.registeredOn === original.date &&
      (data.data.remarks ?? '').includes(replacementRemarks(original)) &&
      data.data.parties.length === 2 &&
      data.data.parties.every((party) => original.parties.some((other) => same(other.idNumber, party.idNumber)));
    if (!matches) throw new TerminalError('registry-replacement-differs', 'the replacement differs from the original registration', { number: original.number ?? '' });
  }

  /** What the certificate prints for a person, under a number, with the index's records. */
  #certificateData(person: RegistryPerson, number: string, issuedOn: string, records: Registration[]): Record<string, unknown> {
    return {
      number,
      issuedOn,
      person,
      registry: registryForDivision(this.deps.registryCode) ?? '',
      records: records.map((record) => ({
        kind: record.kind,
        date: record.date,
        authority: record.authority,
        ...(record.number ? { number: record.number } : {}),
        otherParty: record.parties.find((party) => !same(party.idNumber, person.idNumber))?.name ?? '',
      })),
    };
  }

  /**
   * Issues a record certificate under the centre's number and prints what the index holds (or that it holds nothing).
   * The person's data is checked before the centre issues anything; until the print has gone the request id is kept,
   * so pressing again after a failed print prints the same number.
   */
  async printRecordCertificate(person: RegistryPerson, printerId: string): Promise<IssuedRecordCertificate> {
    if (looksLikeCountryCode(person.nationality)) throw new TerminalError('certificate-nationality-code', 'nationality is a code', { n: 1, code: person.nationality });
    if (!person.idNumber.trim() || !person.name.trim()) throw new TerminalError('registry-party-missing', 'read the applicant\'s card first');
    // The number and date are the centre's; placeholders of their form let the person be checked first.
    checkDocumentData('record-certificate', this.#certificateData(person, 'pending', '2000-01-01', []));
    const key = `${person.idNumber.trim().toUpperCase()}|${person.name.trim()}`;
    const pending = this.#pendingCertificates.get(key) ?? { id: randomUUID(), issued: false };
    this.#pendingCertificates.set(key, pending);
    const answer = recordCertificateAnswerSchema.parse(
      await askCentre(this.deps.centre, '/v1/registry/record-certificates', { id: pending.id, registryCode: this.deps.registryCode, idNumber: person.idNumber.trim(), name: person.name.trim() }),
    );
    if (!pending.issued) {
      pending.issued = true;
      this.deps.audit('registry.record-certificate-issued', answer.number, { records: answer.records.length });
      this.deps.stepDone?.('record-certificate', [person.idNumber.trim()]);
    }
    const issued = this.#issued.get(answer.number) ?? { data: this.#certificateData(person, answer.number, answer.issuedOn, answer.records), issuedOn: answer.issuedOn, records: answer.records };
    this.#issued.set(answer.number, issued);
    const job = await this.deps.printDocument(printerId, 'record-certificate', issued.data);
    this.#pendingCertificates.delete(key);
    return { job, number: answer.number, issuedOn: issued.issuedOn, records: issued.records };
  }

  /** Prints a certificate issued here again (spoiled or lost at the printer), word for word under its number. */
  async reprintRecordCertificate(number: string, printerId: string): Promise<IssuedRecordCertificate> {
    const issued = this.#issued.get(number);
    if (!issued) throw new TerminalError('registry-record-certificate-unknown', `record certificate ${number} was not issued here`, { number });
    const job = await this.deps.printDocument(printerId, 'record-certificate', issued.data);
    this.deps.audit('registry.record-certificate-reprinted', number, {});
    return { job, number, issuedOn: issued.issuedOn, records: issued.records };
  }
}
