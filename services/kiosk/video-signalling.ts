/**
 * Carries a video session's signalling between the renderer (which owns the
 * WebRTC peer) and the centre, over the centre channel: the centre's offer and
 * candidates arrive as commands and are held until the renderer takes them;
 * the renderer's answer and candidates go to the centre as events.
 */
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { isLoopbackCandidate, type VideoOffer, type VideoSignal } from '../../domain/video-session';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import type { EventBus } from '../rpc/event-bus';

const sessionId = z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/);
const iceServer = z.object({ urls: z.union([z.string().max(300), z.array(z.string().max(300)).max(8)]), username: z.string().max(200).optional(), credential: z.string().max(200).optional() }).strict();
export const offerSchema = z.object({ sessionId, sdp: z.string().min(1).max(20_000), iceServers: z.array(iceServer).max(8), loopbackOnly: z.boolean() }).strict();
export const iceSchema = z.object({ sessionId, candidate: z.string().max(1_000), sdpMid: z.string().max(32).nullable(), sdpMLineIndex: z.number().int().min(0).max(64).nullable() }).strict();
const hangupSchema = z.object({ sessionId }).strict();

export class VideoSignalling {
  #offer: VideoOffer | undefined;
  #candidates: Extract<VideoSignal, { kind: 'ice' }>[] = [];

  constructor(
    private readonly channel: CentreChannel,
    private readonly events: EventBus,
  ) {
    channel.handle('video.offer', (payload) => {
      const offer = parse(offerSchema, payload);
      this.#offer = offer;
      this.#candidates = [];
      this.events.emit('video.signal', { kind: 'offer', offer });
      return { delivered: true };
    });
    channel.handle('video.ice', (payload) => {
      const ice = parse(iceSchema, payload);
      if (this.#offer?.sessionId !== ice.sessionId) return { delivered: false };
      if (this.#offer.loopbackOnly && ice.candidate && !isLoopbackCandidate(ice.candidate)) return { delivered: false };
      const signal = { kind: 'ice' as const, ...ice };
      this.#candidates.push(signal);
      this.events.emit('video.signal', signal);
      return { delivered: true };
    });
    channel.handle('video.hangup', (payload) => {
      const { sessionId: id } = parse(hangupSchema, payload);
      if (this.#offer?.sessionId === id) this.end();
      this.events.emit('video.signal', { kind: 'hangup', sessionId: id });
      return { delivered: true };
    });
  }

  /** The offer and candidates of the current session, for a renderer that opens the video room after they came. */
  pending(): { offer?: VideoOffer; candidates: Extract<VideoSignal, { kind: 'ice' }>[] } {
    return { ...(this.#offer ? { offer: this.#offer } : {}), candidates: [...this.#candidates] };
  }

  /** The renderer's answer, candidates or hang-up, to the centre; only for the session on offer. */
  send(signal: Exclude<VideoSignal, { kind: 'offer' }>): void {
    if (this.#offer?.sessionId !== signal.sessionId) throw new TerminalError('video-session-unknown', 'no video session with this id');
    if (signal.kind === 'ice' && this.#offer.loopbackOnly && signal.candidate && !isLoopbackCandidate(signal.candidate)) return;
    const { kind, ...payload } = signal;
    this.channel.publish(`video.${kind}`, payload);
    if (kind === 'hangup') this.end();
  }

  end(): void {
    this.#offer = undefined;
    this.#candidates = [];
  }
}

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new TerminalError('video-signal-invalid', parsed.error.message.slice(0, 300));
  return parsed.data;
}
