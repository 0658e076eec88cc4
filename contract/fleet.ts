/**
 * Calls and events of fleet updates, kept in their own table and spread into
 * the contract (api.ts). The renderer tells the services whether a case is
 * open on screen (only it knows); with the print queue and the video
 * session, that is the idle signal an update waits for.
 */
import { z } from 'zod';

export const UPDATE_STATES = ['up-to-date', 'downloading', 'ready', 'applying', 'trying'] as const;

export const updateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  running: z.string(),
  available: z.string().optional(),
  waitingFor: z.enum(['case-open', 'printing', 'video-session', 'busy', 'update-window']).optional(),
  /** Waiting for the update window: the Beijing time (HH:MM) it opens. */
  appliesAt: z.string().optional(),
  lastError: z.string().optional(),
});

export const fleetCalls = {
  /** What the officer or resident is doing, as the screen knows it: a case open, a video session running. */
  'activity.report': {
    input: z.object({ caseOpen: z.boolean(), videoSession: z.boolean().optional() }).strict(),
    output: z.object({ idle: z.boolean() }),
  },
  'updates.status': { input: z.object({}).strict().optional(), output: updateStatusSchema },
} as const;

export const fleetEvents = {
  /** The update agent's state changed: the status bar says "新版本已就绪，空闲时更新" while a ready update waits. */
  'updates.statusChanged': updateStatusSchema,
} as const;
