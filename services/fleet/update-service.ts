/**
 * The update agent inside the services process, for every profile: it
 * checks the backend on the backend's schedule with the terminal's own
 * signed requests, downloads into the data folder, and has the shell stage,
 * try and apply through the parent port. It applies only when the terminal
 * is idle (TerminalActivity) and tells the screen what it waits for. It also
 * answers the shell's health gate: how many devices fail their self-check,
 * and whether a round trip to the backend works.
 */
import { join } from 'node:path';
import type { HealthReplyMessage, SlotsReplyMessage, SlotsRequestMessage, UpdatesStart } from '../../contract/services-port';
import type { Logger } from '../../domain/logger';
import type { TerminalConfig } from '../../main/shared/config';
import type { DeviceStatus } from '../../domain/device';
import type { SyncService } from '../../sync';
import { UpdateAgent, type UpdateStatus } from '../../sync/fleet/update-agent';
import type { TerminalActivity } from './activity';
import { RemoteStager } from './remote-stager';

export interface UpdateServiceOptions {
  start: UpdatesStart;
  post: (message: SlotsRequestMessage) => void;
  sync: SyncService;
  activity: TerminalActivity;
  selfCheck: () => Promise<DeviceStatus[]>;
  onStatus: (status: UpdateStatus) => void;
  dataDir: string;
  profile: string;
  /** The configuration in force's `updates` (channel, window): pushed configurations change it. */
  settings: () => TerminalConfig['updates'];
  logger: Logger;
}

export interface UpdateService {
  status(): UpdateStatus;
  onSlotsReply(message: SlotsReplyMessage): void;
  close(): Promise<void>;
}

export async function selfCheckFailures(selfCheck: () => Promise<DeviceStatus[]>): Promise<number> {
  return (await selfCheck()).filter((device) => device.state !== 'ready' && device.state !== 'absent').length;
}

/** The health gate's probes, answered by whichever services run (a trial or not). */
export async function answerHealth(id: number, sync: SyncService, selfCheck: () => Promise<DeviceStatus[]>): Promise<HealthReplyMessage> {
  let failures = 0;
  let detail: string | undefined;
  try {
    failures = await selfCheckFailures(selfCheck);
  } catch (error) {
    failures = Number.MAX_SAFE_INTEGER;
    detail = `self-check failed: ${(error as Error).message}`;
  }
  let roundTrip = false;
  try {
    const id = sync.terminalId();
    if (!id) throw new Error('the terminal is not registered yet');
    roundTrip = (await sync.backendRequest('GET', `/v1/terminals/${id}/state`)).status === 200;
  } catch (error) {
    detail ??= `sync round trip failed: ${(error as Error).message}`;
  }
  return { type: 'health-reply', id, selfCheckFailures: failures, syncRoundTrip: roundTrip, ...(detail ? { detail } : {}) };
}

export function startUpdateService(options: UpdateServiceOptions): UpdateService {
  const { start, sync } = options;
  const stager = new RemoteStager(start.slots, options.post, () => selfCheckFailures(options.selfCheck));
  const agent = new UpdateAgent({
    request: (method, path, request) => sync.backendRequest(method, path, request),
    stager,
    pinnedKeys: start.pinnedKeys,
    shellVersion: start.shellVersion,
    channel: start.channel,
    settings: options.settings,
    downloadDir: join(options.dataDir, 'downloads', 'releases'),
    isIdle: () => options.activity.idle(),
    applyUpdate: () => stager.apply(),
    terminalStatus: () => ({ profile: options.profile, health: 'ok', queueDepth: sync.status().queued }),
    onStatus: options.onStatus,
    logger: options.logger,
  });
  agent.start();
  // The screen learns the running version at once: after a switch it reloads the renderer of the new slot.
  options.onStatus(agent.status());
  return {
    status: () => agent.status(),
    onSlotsReply: (message) => stager.onReply(message),
    async close() {
      await agent.stop();
      stager.close();
    },
  };
}
