/**
 * Calls of the marriage registry desk, spread into the contract's table
 * (api.ts) so the desk's growth does not crowd the shared file.
 */
import { z } from 'zod';
import { APPOINTMENT_STATES } from '../domain/registry/appointments';
import { REGISTRY_BUSINESSES } from '../domain/registry/business';
import type { PrintJobRecord } from '../domain/printing';

const businessSchema = z.enum(REGISTRY_BUSINESSES);
const walkInsSchema = z.object({ allowed: z.boolean(), used: z.number().int(), quota: z.number().int() });
export const appointmentRowSchema = z.object({
  id: z.string(),
  slotStart: z.string(),
  slotEnd: z.string(),
  business: businessSchema,
  foreignRelated: z.boolean(),
  /** Names masked except the surname. */
  parties: z.array(z.string()),
  state: z.enum(APPOINTMENT_STATES),
  /** Cases opened for it and abandoned today (the appointment went back to checked in). */
  abandoned: z.number().int().min(0),
});

/** One record of a party in the national index, as the backend's review service answers it. */
export const marriageRecordSchema = z.object({
  kind: z.enum(['marriage', 'divorce', 'judgment', 'death']),
  date: z.string(),
  authority: z.string(),
  otherParty: z.string().optional(),
  number: z.string().optional(),
});
export const reviewViewSchema = z.object({
  id: z.string(),
  business: businessSchema,
  state: z.enum(['pending', 'answered']),
  parties: z.array(z.object({ idNumber: z.string(), name: z.string(), records: z.array(marriageRecordSchema), currentlyMarried: z.boolean() })),
  hit: z.boolean(),
  override: z.object({ reason: z.string(), captureId: z.string(), at: z.string() }).optional(),
  cleared: z.boolean(),
  lastError: z.string().optional(),
  askedAt: z.string(),
  answeredAt: z.string().optional(),
});
const reviewPartySchema = z.object({ idNumber: z.string().min(1).max(40), name: z.string().min(1).max(100) }).strict();

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const registryCalls = {
  /** Today's appointments (Beijing date) by slot with their state, and the walk-ins left. */
  'registry.day': call(z.object({}).strict().optional(), z.object({ day: z.string(), walkIns: walkInsSchema, appointments: z.array(appointmentRowSchema) })),
  /** A party's card at the desk: finds the appointment of the day and checks it in. */
  'registry.checkIn': call(
    z.object({ idNumber: z.string().min(1).max(40) }).strict(),
    z.object({ outcome: z.enum(['checked-in', 'already-checked-in']), appointment: appointmentRowSchema }),
  ),
  /** A couple without an appointment, within the day's walk-in quota. */
  'registry.walkIn': call(z.object({ business: businessSchema }).strict(), z.object({ eventId: z.string(), walkIns: walkInsSchema })),
  /** National review of the parties: answered at once when the centre answers, else pending and asked again. */
  'registry.review': call(z.object({ business: businessSchema, parties: z.array(reviewPartySchema).min(1).max(2) }).strict(), reviewViewSchema),
  'registry.reviewStatus': call(z.object({ reviewId: z.string().min(1).max(64) }).strict(), reviewViewSchema),
  /** Goes ahead despite a review hit: a written reason and a scanned supporting document (a capture id). */
  'registry.overrideReview': call(
    z.object({ reviewId: z.string().min(1).max(64), reason: z.string().max(2000), captureId: z.string().max(64) }).strict(),
    reviewViewSchema,
  ),
  /**
   * Receives a joint divorce application: prints the receipt (受理回执) with the application date and the end of the
   * cooling-off period and the certificate window, counted by the terminal on the backend's working-day calendar.
   */
  'registry.printDivorceReceipt': call(
    z
      .object({
        printerId: z.string().min(1).max(512).optional(),
        parties: z.array(z.object({ name: z.string().max(60), sex: z.string().max(8), nationality: z.string().max(40), birthDate: z.string().max(10), idNumber: z.string().max(40) }).strict()).length(2),
        /** The divorce application's case at the desk: it records the application and its receipt. */
        caseId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    z.object({
      job: z.custom<PrintJobRecord>(),
      receivedOn: z.string(),
      coolingOffEnds: z.string(),
      windowOpens: z.string(),
      windowCloses: z.string(),
      /** The application as the centre holds it (any desk finds it by the parties' ID numbers). */
      applicationId: z.string(),
    }),
  ),
} as const;

export const registryEvents = {
  /** A review arrived, failed again while pending, or was overridden. */
  'registry.reviewChanged': reviewViewSchema,
} as const;
