/**
 * Calls of the registry businesses beyond the day and the review: divorce
 * applications found across registries and withdrawn, the original
 * registration behind a replacement certificate, and the registration record
 * certificate. Spread into the contract's table (api.ts).
 */
import { z } from 'zod';
import type { PrintJobRecord } from '../domain/printing';

const idNumber = z.string().min(1).max(40);
/** A party as the centre's registry records and applications print them. */
export const printedPartySchema = z.object({ name: z.string(), sex: z.string(), nationality: z.string(), birthDate: z.string(), idNumber: z.string() });
const partyInput = z.object({ name: z.string().max(100), sex: z.string().max(8), nationality: z.string().max(40), birthDate: z.string().max(10), idNumber: z.string().max(40) }).strict();

export const divorceApplicationSchema = z.object({
  id: z.string(),
  registryCode: z.string(),
  terminalId: z.string(),
  receivedOn: z.string(),
  coolingOffEnds: z.string(),
  windowOpens: z.string(),
  windowCloses: z.string(),
  parties: z.array(printedPartySchema),
  /** `lapsed`: the window closed without a registration (counts as withdrawn). */
  state: z.enum(['received', 'withdrawn', 'registered', 'lapsed']),
  withdrawnOn: z.string().optional(),
  withdrawnBy: z.string().optional(),
  registeredOn: z.string().optional(),
});
const foundApplicationSchema = z.object({
  application: divorceApplicationSchema,
  /** Where today falls against the receipt's dates. */
  verdict: z.enum(['within-window', 'cooling-off', 'window-passed']),
  /** The receiving registry's name (a Chinese proper name) when the terminal knows its division code; the screen names an unknown one by its code. */
  registry: z.string().optional(),
});
export const registrationSchema = z.object({
  kind: z.enum(['marriage', 'divorce']),
  date: z.string(),
  authority: z.string(),
  number: z.string().optional(),
  parties: z.array(printedPartySchema),
});

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const registryBusinessCalls = {
  /** The divorce applications naming these parties (one for a withdrawal, both for a registration), through the centre. */
  'registry.findDivorceApplications': call(z.object({ idNumbers: z.array(idNumber).min(1).max(2) }).strict(), z.object({ today: z.string(), applications: z.array(foundApplicationSchema) })),
  /** Either party withdraws a found application within the cooling-off period; the confirmation prints on A4. */
  'registry.withdrawDivorceApplication': call(
    z.object({ applicationId: z.string().min(1).max(64), idNumber, printerId: z.string().min(1).max(512).optional() }).strict(),
    z.object({ job: z.custom<PrintJobRecord>(), application: divorceApplicationSchema }),
  ),
  /** The original registration a replacement certificate (BJ/BL) re-issues, by the applicant's ID number and name. */
  'registry.findOriginalRegistration': call(
    z.object({ type: z.enum(['BJ', 'BL']), idNumber, name: z.string().min(1).max(100) }).strict(),
    z.object({ record: registrationSchema, registeredOn: z.string(), parties: z.array(printedPartySchema), remarks: z.string() }),
  ),
  /** Issues and prints a marriage registration record certificate (婚姻登记记录证明) for the person identified. */
  'registry.printRecordCertificate': call(
    /** caseId: the record certificate's case at the desk, which records the number. */
    z.object({ printerId: z.string().min(1).max(512).optional(), person: partyInput, caseId: z.string().min(1).max(64).optional() }).strict(),
    z.object({ job: z.custom<PrintJobRecord>(), number: z.string(), issuedOn: z.string(), records: z.array(registrationSchema) }),
  ),
  /** Prints a record certificate issued at this desk again (spoiled or lost at the printer), word for word under its number. */
  'registry.reprintRecordCertificate': call(
    z.object({ number: z.string().min(1).max(40), printerId: z.string().min(1).max(512).optional() }).strict(),
    z.object({ job: z.custom<PrintJobRecord>(), number: z.string(), issuedOn: z.string(), records: z.array(registrationSchema) }),
  ),
  /**
   * Prints the receipt (受理回执) of a pending application found through the centre again, with the dates the centre
   * stored (never recounted): a receipt lost, spoiled, or never printed.
   */
  'registry.reprintDivorceReceipt': call(
    z.object({ applicationId: z.string().min(1).max(64), printerId: z.string().min(1).max(512).optional() }).strict(),
    z.object({ job: z.custom<PrintJobRecord>(), receivedOn: z.string(), coolingOffEnds: z.string(), windowOpens: z.string(), windowCloses: z.string(), applicationId: z.string() }),
  ),
  /** Prints the confirmation of a withdrawal the centre holds again (its stored day and withdrawing party). */
  'registry.reprintDivorceWithdrawal': call(
    z.object({ applicationId: z.string().min(1).max(64), printerId: z.string().min(1).max(512).optional() }).strict(),
    z.object({ job: z.custom<PrintJobRecord>(), application: divorceApplicationSchema }),
  ),
} as const;
