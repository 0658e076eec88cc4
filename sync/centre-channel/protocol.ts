/**
 * Frames of the centre channel, the live WebSocket between an extension
 * terminal and its centre (fixtures/backend/openapi.yaml, `GET
 * /v1/centre-channel`). Every frame is one JSON text message.
 *
 * Delivery is at-least-once on the wire and exactly-once in effect: each
 * command and each event carries an id chosen by its sender; the receiver
 * records the id with its outcome before acknowledging, so a frame re-sent
 * after a reconnect is answered from the record instead of being acted on
 * again.
 */
import { z } from 'zod';

export const CENTRE_CHANNEL_PATH = '/v1/centre-channel';

/** Ids are the sender's: a UUID or any short opaque token. */
const frameId = z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/);
const frameName = z.string().regex(/^[a-z][a-zA-Z0-9.-]{0,63}$/);

/** Centre → terminal: do something (read a card, report your state, ...). */
export const commandFrameSchema = z.object({ type: z.literal('command'), id: frameId, name: frameName, payload: z.unknown().optional() }).strict();
/** Terminal → centre: the command is done; `result` or a coded `error`. Sent again, with the recorded outcome, for a repeated command. */
export const commandAckFrameSchema = z
  .object({
    type: z.literal('command-ack'),
    id: frameId,
    result: z.unknown().optional(),
    error: z.object({ code: z.string().max(80), message: z.string().max(500) }).optional(),
  })
  .strict();
/** Terminal → centre: something happened (self-check result, resident took a ticket, ...). */
export const eventFrameSchema = z.object({ type: z.literal('event'), id: frameId, name: frameName, payload: z.unknown().optional() }).strict();
/** Centre → terminal: the event is stored. */
export const eventAckFrameSchema = z.object({ type: z.literal('event-ack'), id: frameId }).strict();
/**
 * Terminal → centre: a question or an idempotent action (list centres, take a ticket) answered by a `response`. The
 * terminal re-sends an unanswered request after a reconnect under the same id; the centre answers an id it has seen
 * with the same outcome.
 */
export const requestFrameSchema = z.object({ type: z.literal('request'), id: frameId, name: frameName, payload: z.unknown().optional() }).strict();
export const responseFrameSchema = z
  .object({
    type: z.literal('response'),
    id: frameId,
    result: z.unknown().optional(),
    error: z.object({ code: z.string().max(80), message: z.string().max(500) }).optional(),
  })
  .strict();
/** Centre → terminal, first frame after the handshake. */
export const welcomeFrameSchema = z.object({ type: z.literal('welcome'), terminalId: z.string(), serverTime: z.number() }).strict();
/** Either side: a frame it could not accept, by code (never closes the channel for one bad frame). */
export const refusalFrameSchema = z.object({ type: z.literal('refused'), code: z.string().max(80), id: z.string().max(80).optional() }).strict();

export const toTerminalFrameSchema = z.discriminatedUnion('type', [commandFrameSchema, eventAckFrameSchema, responseFrameSchema, welcomeFrameSchema, refusalFrameSchema]);
export const toCentreFrameSchema = z.discriminatedUnion('type', [commandAckFrameSchema, eventFrameSchema, requestFrameSchema, refusalFrameSchema]);

export type CommandFrame = z.infer<typeof commandFrameSchema>;
export type CommandAckFrame = z.infer<typeof commandAckFrameSchema>;
export type EventFrame = z.infer<typeof eventFrameSchema>;
export type RequestFrame = z.infer<typeof requestFrameSchema>;
export type ResponseFrame = z.infer<typeof responseFrameSchema>;
export type ToTerminalFrame = z.infer<typeof toTerminalFrameSchema>;
export type ToCentreFrame = z.infer<typeof toCentreFrameSchema>;

/** Largest frame either side accepts (a card reading with its photo, a pushed form as base64). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** Parses one text frame; undefined for anything malformed (the caller answers `refused`). */
export function parseFrame<T>(schema: z.ZodType<T>, text: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
