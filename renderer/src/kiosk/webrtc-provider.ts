/**
 * The built-in video provider: a WebRTC peer in the renderer, answering the
 * centre's offer with the terminal's camera and microphone. ICE servers come
 * with the offer (the centre's configuration); in training and tests only
 * loopback candidates are passed, so media stays on the machine.
 */
import { isLoopbackCandidate, type VideoOffer, type VideoSignal } from '../../../domain/video-session';
import type { VideoCall, VideoCallHooks, VideoProvider } from './video-provider';

export const webRtcProvider: VideoProvider = {
  async join(offer: VideoOffer, hooks: VideoCallHooks): Promise<VideoCall> {
    const peer = new RTCPeerConnection({ iceServers: offer.iceServers });
    const remoteStream = new MediaStream();
    let localStream: MediaStream | undefined;
    let ended = false;
    const allowed = (candidate: string) => !offer.loopbackOnly || !candidate || isLoopbackCandidate(candidate);

    peer.ontrack = (event) => remoteStream.addTrack(event.track);
    peer.onicecandidate = (event) => {
      if (!event.candidate || !allowed(event.candidate.candidate)) return;
      hooks.send({ kind: 'ice', sessionId: offer.sessionId, candidate: event.candidate.candidate, sdpMid: event.candidate.sdpMid, sdpMLineIndex: event.candidate.sdpMLineIndex });
    };
    peer.onconnectionstatechange = () => {
      const state = peer.connectionState;
      if (state === 'connected') hooks.onState('connected');
      else if (state === 'failed') hooks.onState('failed');
      else if (state === 'closed') hooks.onState('ended');
    };
    hooks.onState('connecting');

    try {
      localStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      for (const track of localStream.getTracks()) peer.addTrack(track, localStream);
    } catch {
      // Without a camera the resident still sees and hears the officer; the self-check has already said why.
      peer.addTransceiver('video', { direction: 'recvonly' });
      peer.addTransceiver('audio', { direction: 'recvonly' });
    }
    await peer.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    const answer = await peer.createAnswer();
    await peer.setLocalDescription(answer);
    hooks.send({ kind: 'answer', sessionId: offer.sessionId, sdp: answer.sdp ?? '' });

    const close = () => {
      if (ended) return;
      ended = true;
      for (const track of localStream?.getTracks() ?? []) track.stop();
      peer.close();
      hooks.onState('ended');
    };
    return {
      get localStream() {
        return localStream;
      },
      remoteStream,
      async deliver(signal: VideoSignal) {
        if (signal.kind === 'ice' && signal.sessionId === offer.sessionId && allowed(signal.candidate)) {
          await peer.addIceCandidate({ candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex }).catch(() => undefined);
        } else if (signal.kind === 'hangup' && signal.sessionId === offer.sessionId) {
          close();
        }
      },
      hangUp() {
        if (!ended) hooks.send({ kind: 'hangup', sessionId: offer.sessionId });
        close();
      },
    };
  },
};
