/**
 * Calls and events of the extension terminal (the resident's kiosk), kept in
 * their own table and spread into the contract (api.ts).
 */
import { z } from 'zod';
import type { SelfCheckReport } from '../domain/self-check';

const mediaPresence = z.enum(['present', 'missing']);

export const kioskCalls = {
  /**
   * Runs the self-check now and reports it to the centre. `media`: what the renderer found for camera and
   * microphone (only it can see them); kept for later checks.
   */
  'selfCheck.run': {
    input: z.object({ media: z.object({ camera: mediaPresence, microphone: mediaPresence }).strict().optional() }).strict().optional(),
    output: z.custom<SelfCheckReport>(),
  },
} as const;

export const kioskEvents = {
  /** A self-check finished (at start-up, on demand, after a device or the centre link changed). */
  'selfCheck.reported': z.custom<SelfCheckReport>(),
} as const;
