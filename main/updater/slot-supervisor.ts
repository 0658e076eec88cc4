/**
 * The services supervised from the slots: every start (the first, a
 * restart after a crash, a switch to a new version or back) asks the slot
 * host which payload to load, verified, and forks that payload's services;
 * after each start a trial runs the health gate. Used by the web host and
 * the Electron shell alike, and by the fleet drill for each terminal.
 */
import type { ReadyMessage, StartMessage } from '../../contract/services-port';
import type { Logger } from '../../domain/logger';
import type { ServicesProcess } from '../supervisor/services-process';
import { ServicesSupervisor, type SupervisorOptions } from '../supervisor/supervisor';
import type { SlotHost } from './slot-host';
import { SLOT_SERVICES_ENV } from './slot-services-env';

export interface SlotSupervisorOptions {
  host: SlotHost;
  /** Forks a services entry with extra environment (the child-process or utility-process adapter). */
  forkAt: (entry: string, env: Record<string, string>) => ServicesProcess;
  /** The shell's slot-services.js (./slot-services.ts built). */
  loaderEntry: string;
  startMessage: () => StartMessage | Promise<StartMessage>;
  /** Without pinned release keys the agent does not run (production refuses to start before that). */
  updatesEnabled: boolean;
  logger: Logger;
  onReady?: (ready: ReadyMessage) => void;
  /**
   * How a switch (apply, or back after a failed gate) happens; by default the services restart in place. The
   * Electron shell relaunches itself instead, so its preload comes from the new payload too.
   */
  switchPayload?: () => Promise<void>;
  backoff?: SupervisorOptions['backoff'];
  heartbeat?: SupervisorOptions['heartbeat'];
}

export function superviseFromSlots(options: SlotSupervisorOptions): { supervisor: ServicesSupervisor; start(): Promise<ReadyMessage> } {
  const { host } = options;
  const supervisor: ServicesSupervisor = new ServicesSupervisor({
    fork: async () => {
      const decision = await host.boot();
      return decision.root ? options.forkAt(options.loaderEntry, { [SLOT_SERVICES_ENV]: host.servicesEntry() }) : options.forkAt(host.servicesEntry(), {});
    },
    startMessage: async () => {
      const base = await options.startMessage();
      return options.updatesEnabled ? { ...base, updates: host.updatesStart() } : base;
    },
    logger: options.logger,
    onServiceMessage: (message) => host.onServiceMessage(message),
    onReady: (ready) => {
      options.onReady?.(ready);
      void host.servicesReady().catch((error: unknown) => options.logger.error('health gate failed to run', { detail: (error as Error).message }));
    },
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.heartbeat ? { heartbeat: options.heartbeat } : {}),
  });
  host.connect({
    send: (message) => supervisor.send(message),
    restartServices: async () => {
      if (options.switchPayload) await options.switchPayload();
      else await supervisor.restart();
    },
    servicesReady: () => supervisor.state === 'ready',
  });
  return {
    supervisor,
    /** A trial whose services cannot start at all is retried until the slot store counts a crash loop and falls back. */
    async start() {
      for (;;) {
        try {
          return await supervisor.start();
        } catch (error) {
          if (!host.decision().trial) throw error;
          options.logger.error('services of a trial failed to start', { version: host.decision().version, detail: (error as Error).message });
        }
      }
    },
  };
}
