/**
 * Calls of the marriage registry desk, spread into the contract's table
 * (api.ts) so the desk's growth does not crowd the shared file.
 */
import { z } from 'zod';
import { APPOINTMENT_STATES } from '../domain/registry/appointments';
import { REGISTRY_BUSINESSES } from '../domain/registry/business';

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
});

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
} as const;
