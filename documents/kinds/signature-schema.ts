import { z } from 'zod';
import type { Signature } from '../../domain/signature';

/** A pad capture of several minutes stays well under this; more is a runaway device. */
const MAX_POINTS = 50_000;

export const signatureSchema: z.ZodType<Signature> = z.object({
  points: z
    .array(
      z.object({
        x: z.number().finite(),
        y: z.number().finite(),
        pressure: z.number().finite().min(0),
        t: z.number().finite().min(0),
      }),
    )
    .max(MAX_POINTS, `at most ${MAX_POINTS} points`),
  aspectRatio: z.number().positive().finite().optional(),
});
