/**
 * The video provider seam: the kiosk asks a provider to join the session the
 * centre offered and shows its streams. WebRTC (webrtc-provider.ts) is the
 * built-in one; a city's commercial provider can be plugged in behind the same
 * interface without touching the kiosk.
 */
import type { VideoOffer, VideoSignal } from '../../../domain/video-session';

export type VideoCallState = 'connecting' | 'connected' | 'failed' | 'ended';

export interface VideoCall {
  readonly localStream: MediaStream | undefined;
  readonly remoteStream: MediaStream;
  /** A signal from the centre for this call (its candidates, its hang-up). */
  deliver(signal: VideoSignal): Promise<void>;
  hangUp(): void;
}

export interface VideoCallHooks {
  /** Signals for the centre (answer, candidates, hang-up). */
  send(signal: Exclude<VideoSignal, { kind: 'offer' }>): void;
  onState(state: VideoCallState): void;
}

export interface VideoProvider {
  join(offer: VideoOffer, hooks: VideoCallHooks): Promise<VideoCall>;
}
