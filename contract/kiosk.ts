/**
 * Calls and events of the extension terminal (the resident's kiosk), kept in
 * their own table and spread into the contract (api.ts).
 */
import { z } from 'zod';
import type { CentreList, KioskPrompt, KioskSession } from '../domain/kiosk-session';
import { EVALUATION_LEVELS } from '../domain/evaluation';
import type { SelfCheckReport } from '../domain/self-check';
import type { VideoOffer, VideoSignal } from '../domain/video-session';

const mediaPresence = z.enum(['present', 'missing']);
const none = z.object({}).strict().optional();

export const kioskCalls = {
  /**
   * Runs the self-check now and reports it to the centre. `media`: what the renderer found for camera and
   * microphone (only it can see them); kept for later checks.
   */
  'selfCheck.run': {
    input: z.object({ media: z.object({ camera: mediaPresence, microphone: mediaPresence }).strict().optional() }).strict().optional(),
    output: z.custom<SelfCheckReport>(),
  },
  /** Reception centres with their waiting counts, the terminal's home centre first. */
  'kiosk.centres': { input: none, output: z.custom<CentreList>() },
  /** Takes a ticket at a centre (cancelling one still waiting elsewhere); survives a lost connection or a crash as one ticket. */
  'kiosk.takeTicket': { input: z.object({ centreId: z.string().min(1).max(64) }).strict(), output: z.custom<KioskSession>() },
  'kiosk.session': { input: none, output: z.custom<KioskSession>() },
  /** The resident gives up the ticket, or the kiosk forgets an idle resident. */
  'kiosk.cancelTicket': { input: none, output: z.custom<KioskSession>() },
  /** What the centre asks the resident to do now (place a card...). */
  'kiosk.prompt': { input: none, output: z.custom<KioskPrompt>() },
  /** Door-to-door pad mode: a fix from the device's geolocation (the services keep it and say whether it was used). */
  'kiosk.reportPosition': {
    input: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), accuracyMetres: z.number().min(0).max(1_000_000).optional() })
      .strict(),
    output: z.object({ used: z.boolean() }),
  },
  /** The resident's rating: from the terminal's own page (interface mode) or the city page's result (page mode). */
  'kiosk.evaluate': {
    input: z
      .object({ evaluationId: z.string().min(1).max(80), mode: z.enum(['interface', 'page']), level: z.enum(EVALUATION_LEVELS).optional() })
      .strict()
      .refine((value) => value.mode === 'page' || value.level !== undefined, { message: 'a rating from the terminal page needs its level' }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** The resident finished signing the pushed form on the pad: the services bind the signature and send the form to the centre. */
  'kiosk.signForm': { input: z.object({ formId: z.string().min(1).max(64) }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** The resident prefers paper: print the pushed form on the terminal's A4 printer, to sign by hand. */
  'kiosk.printForm': { input: z.object({ formId: z.string().min(1).max(64) }).strict(), output: z.object({ jobId: z.string() }) },
  /** Photos of the hand-signed pages (captures from the document camera, `captures.add`), sent to the centre with the case. */
  'kiosk.sendFormPhotos': {
    input: z.object({ formId: z.string().min(1).max(64), captureIds: z.array(z.string().min(1).max(64)).min(1).max(10) }).strict(),
    output: z.object({ pages: z.number().int() }),
  },
  /** The video session on offer (if any) and the centre's candidates so far. */
  'video.pending': {
    input: none,
    output: z.custom<{ offer?: VideoOffer; candidates: Extract<VideoSignal, { kind: 'ice' }>[] }>(),
  },
  /** The renderer's answer, ICE candidate or hang-up, for the centre. */
  'video.signal': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('answer'), sessionId: z.string().min(1).max(80), sdp: z.string().min(1).max(20_000) }).strict(),
      z
        .object({ kind: z.literal('ice'), sessionId: z.string().min(1).max(80), candidate: z.string().max(1_000), sdpMid: z.string().max(32).nullable(), sdpMLineIndex: z.number().int().min(0).max(64).nullable() })
        .strict(),
      z.object({ kind: z.literal('hangup'), sessionId: z.string().min(1).max(80) }).strict(),
    ]),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export const kioskEvents = {
  /** A self-check finished (at start-up, on demand, after a device or the centre link changed). */
  'selfCheck.reported': z.custom<SelfCheckReport>(),
  /** The resident's session changed: ticket taken, position moved, called, skipped. */
  'kiosk.sessionChanged': z.custom<KioskSession>(),
  'kiosk.prompt': z.custom<KioskPrompt>(),
  /** The centre's offer, ICE candidate or hang-up for the video session. */
  'video.signal': z.custom<VideoSignal>(),
} as const;
