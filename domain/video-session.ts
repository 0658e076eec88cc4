/**
 * A video session between an extension terminal and a centre officer, as the
 * signalling carries it: the centre offers (with the ICE servers from its
 * configuration), the terminal answers, both trade ICE candidates.
 */
export interface IceServerConfig {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface VideoOffer {
  sessionId: string;
  sdp: string;
  iceServers: IceServerConfig[];
  /** Training and tests: only loopback candidates are passed, so media never leaves the machine. */
  loopbackOnly: boolean;
}

export type VideoSignal =
  | { kind: 'offer'; offer: VideoOffer }
  | { kind: 'answer'; sessionId: string; sdp: string }
  | { kind: 'ice'; sessionId: string; candidate: string; sdpMid: string | null; sdpMLineIndex: number | null }
  | { kind: 'hangup'; sessionId: string };

/** An ICE candidate line whose address is the loopback interface (IPv4 or IPv6). */
export function isLoopbackCandidate(candidate: string): boolean {
  const parts = candidate.split(' ');
  // candidate:<foundation> <component> <transport> <priority> <address> <port> typ ...
  const address = parts[4];
  return address === '127.0.0.1' || address === '::1';
}
