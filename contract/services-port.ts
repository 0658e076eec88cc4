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
  /** With it the services run the update agent; the A/B slots stay with the shell, reached over this port. */
  updates?: UpdatesStart;
}

/** One step of the slot store, as reported to the backend. */
export interface SlotEvent {
  at: string;
  step: string;
  version: string;
  fromVersion?: string;
  reason?: string;
  detail?: string;
}

/** What the update agent reads of the shell's slot store; every slots-reply carries a fresh one. */
export interface SlotSnapshot {
  running: string;
  failed: string[];
  staged: { version: string } | null;
  trying: { version: string } | null;
  events: SlotEvent[];
}

export interface UpdatesStart {
  /** Release public keys pinned in the shell: the agent checks an offer before downloading it. */
  pinnedKeys: string[];
  shellVersion: string;
  channel: 'canary' | 'stable';
  slots: SlotSnapshot;
}

/** The shell's answer to a slots request. */
export interface SlotsReplyMessage {
  type: 'slots-reply';
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
  snapshot: SlotSnapshot;
}

/** The shell's health gate asks the services of a trial how they are. */
export interface HealthRequestMessage {
  type: 'health';
  id: number;
}

export interface StopMessage {
  type: 'stop';
}

/** The supervisor's heartbeat: a services process whose event loop cannot answer it in time is taken as hung. */
export interface PingMessage {
  type: 'ping';
  id: number;
}

export type ToServices = StartMessage | StopMessage | RequestMessage | PingMessage | SlotsReplyMessage | HealthRequestMessage;

export const SLOT_OPS = ['state', 'stage', 'beginTrial', 'dropStaged', 'acknowledgeEvents', 'apply'] as const;
export type SlotOp = (typeof SLOT_OPS)[number];

/**
 * The update agent asks the shell's slot store to take a step: stage a
 * verified download, begin a trial, drop a recalled version, acknowledge
 * reports, or apply (restart into the trial slot).
 */
export interface SlotsRequestMessage {
  type: 'slots';
  id: number;
  op: SlotOp;
  args: (string | number | null)[];
}

/** Answer to a health request: what the gate compares with the time before the switch. */
export interface HealthReplyMessage {
  type: 'health-reply';
  id: number;
  selfCheckFailures: number;
  syncRoundTrip: boolean;
  detail?: string;
}

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

export type FromServices = ReadyMessage | FailedMessage | ResponseMessage | EventMessage | PongMessage | SlotsRequestMessage | HealthReplyMessage;

/** The states the supervisor reports to the renderer through the `services.status` event. */
export const SERVICES_STATES = ['ready', 'restarting'] as const;
export type ServicesState = (typeof SERVICES_STATES)[number];
