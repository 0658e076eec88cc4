/**
 * Messages between the window side (the supervisor in Electron's main process
 * or in the web host) and the services process. The same shapes travel over
 * Electron's utility-process port and over a child process's IPC channel, both
 * as structured clones, so a data key can cross as bytes.
 */
import type { RequestMessage, ResponseMessage, EventMessage } from './wire';

/** Sent once, first: the data key unsealed by the window side, or none (the services keep their own key file). */
export interface StartMessage {
  type: 'start';
  dataKey?: Uint8Array;
}

export interface StopMessage {
  type: 'stop';
}

/** The supervisor's heartbeat: a services process whose event loop cannot answer it in time is taken as hung. */
export interface PingMessage {
  type: 'ping';
  id: number;
}

export type ToServices = StartMessage | StopMessage | RequestMessage | PingMessage;

/** The services are composed and serving. */
export interface ReadyMessage {
  type: 'ready';
  pid: number;
  backendUrl: string;
}

/** The services could not start (a bad configuration, an unreadable store); the text names the cause. */
export interface FailedMessage {
  type: 'failed';
  message: string;
}

export interface PongMessage {
  type: 'pong';
  id: number;
}

export type FromServices = ReadyMessage | FailedMessage | ResponseMessage | EventMessage | PongMessage;

/** The states the supervisor reports to the renderer through the `services.status` event. */
export const SERVICES_STATES = ['ready', 'restarting'] as const;
export type ServicesState = (typeof SERVICES_STATES)[number];
