/**
 * What an extension terminal adds to the services: the live channel to its
 * centre and the self-check, run at start-up, on demand, whenever a device or
 * the centre link changes and once a minute, and reported to the centre
 * whenever its verdict changes. The centre may ask for the live state at any
 * time (command `terminal.state`).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import type { Logger } from '../../domain/logger';
import { sameVerdict, type SelfCheckReport } from '../../domain/self-check';
import type { DeviceRegistry } from '../../drivers/registry';
import { printerDeviceStatus } from '../../drivers/printer/device-status';
import type { PrintService } from '../../drivers/printer/print-service';
import { CentreChannel } from '../../sync/centre-channel/centre-channel';
import type { SyncService } from '../../sync';
import type { EventBus } from '../rpc/event-bus';
import type { StorageMonitor } from '../storage-monitor';
import { ResidentSession } from './resident-session';
import { KioskSelfCheck } from './self-check';
import { VideoSignalling } from './video-signalling';
import { handleRemoteCardRead } from './remote-card-read';
import { KioskEvaluation } from './evaluation';
import { PushedForms, type PushedFormDeps } from './pushed-forms';
import type { KioskPrompt } from '../../domain/kiosk-session';
import type { GeoPosition } from '../../domain/terminal-location';
import { PadLocation } from './pad-location';

const PERIODIC_CHECK_MS = 60_000;
const adviceSchema = z
  .object({ centreId: z.string().min(1).max(64), name: z.string().min(1).max(100), nameEn: z.string().min(1).max(200), reason: z.string().max(200).optional() })
  .strict();
/** Several devices changing at once (a USB hub unplugged) make one check. */
const SETTLE_MS = 300;

export interface ExtensionTerminalDeps {
  dataDir: string;
  backendUrl: string;
  sync: SyncService;
  devices: DeviceRegistry;
  /** Also where the configured printers are read, at each check: a configuration push reconfigures it. */
  printService: PrintService;
  storage: StorageMonitor;
  events: EventBus;
  logger: Logger;
  /** Door-to-door pad mode (上门办): its location goes with the self-check and each case. */
  doorToDoor?: { address?: string | undefined } | undefined;
  /** The configured city evaluation origin (page mode); none: the terminal's own page rates. */
  cityEvaluationOrigin?: string | undefined;
  forms: Omit<PushedFormDeps, 'prompt' | 'location'>;
}

export interface ExtensionTerminal {
  channel: CentreChannel;
  selfCheck: KioskSelfCheck;
  session: ResidentSession;
  video: VideoSignalling;
  prompt(): KioskPrompt;
  evaluation: KioskEvaluation;
  forms: PushedForms;
  /** A position from the renderer's geolocation (pad mode); ignored on a fixed terminal. */
  reportPosition(position: Omit<GeoPosition, 'at'>): { used: boolean };
  close(): Promise<void>;
}

export function startExtensionTerminal(deps: ExtensionTerminalDeps): ExtensionTerminal {
  const own = deps.sync.terminalSigner();
  const channel = new CentreChannel({
    backendUrl: deps.backendUrl,
    signer: { terminalId: own.terminalId, sign: (message) => own.sign(message) },
    storePath: join(deps.dataDir, 'centre-channel.sqlite'),
    logger: deps.logger.child({ area: 'centre-channel' }),
  });
  const padLocation = deps.doorToDoor ? new PadLocation(deps.doorToDoor.address) : undefined;
  const selfCheck = new KioskSelfCheck(
    {
      devices: () => deps.devices.list(),
      printers: async () => {
        const { printers } = await deps.printService.listPrinters();
        return deps.printService.configuredPrinters().map((target) => printerDeviceStatus(printers.find((info) => info.id === target.id), { id: target.id, address: 'uri' in target ? target.uri : target.queue }));
      },
      storage: () => deps.storage.check(),
      centre: () => channel.status(),
      location: padLocation ? () => padLocation.current() : undefined,
    },
    deps.logger.child({ area: 'self-check' }),
  );

  let reported: SelfCheckReport | undefined;
  // A check still running at shutdown finishes after the channel's store is closed: nothing to tell then.
  let closed = false;
  selfCheck.on('report', (report) => {
    if (closed) return;
    deps.events.emit('selfCheck.reported', report);
    // The centre hears each change of verdict (and the first), not every periodic run.
    if (!sameVerdict(reported, report)) channel.publish('self-check', report);
    reported = report;
  });
  channel.handle('terminal.state', () => selfCheck.run());

  let settle: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(settle);
    settle = setTimeout(() => void selfCheck.run(), SETTLE_MS);
  };
  deps.devices.on('deviceChanged', soon);
  channel.on('status', soon);
  const periodic = setInterval(() => void selfCheck.run(), PERIODIC_CHECK_MS);
  periodic.unref();

  const session = new ResidentSession(channel, join(deps.dataDir, 'kiosk-session.sqlite'), deps.logger.child({ area: 'kiosk' }));
  session.on('changed', (state) => {
    deps.events.emit('kiosk.sessionChanged', state);
    // The advice is done once the resident holds a ticket at the advised centre.
    if (prompt.kind === 'advice' && state.stage === 'waiting' && state.ticket.centreId === prompt.centre.id) setPrompt({ kind: 'none' });
  });

  const video = new VideoSignalling(channel, deps.events);
  let prompt: KioskPrompt = { kind: 'none' };
  const setPrompt = (next: KioskPrompt) => {
    prompt = next;
    deps.events.emit('kiosk.prompt', next);
  };
  handleRemoteCardRead(channel, deps.devices, setPrompt);
  const forms = new PushedForms(channel, { ...deps.forms, prompt: setPrompt, location: () => padLocation?.current() });
  channel.handle('centre.advise', (payload) => {
    const parsed = adviceSchema.safeParse(payload);
    if (!parsed.success) throw new TerminalError('advice-invalid', parsed.error.message.slice(0, 300));
    const { centreId, name, nameEn, reason } = parsed.data;
    setPrompt({ kind: 'advice', centre: { id: centreId, name, nameEn }, ...(reason ? { reason } : {}) });
    return { shown: true };
  });

  const evaluation = new KioskEvaluation(channel, session.store, (request) => setPrompt(request ? { kind: 'evaluation', request } : { kind: 'none' }), deps.cityEvaluationOrigin);

  channel.start();
  session.resume();
  evaluation.resume();
  void selfCheck.run();

  return {
    channel,
    selfCheck,
    session,
    video,
    prompt: () => prompt,
    evaluation,
    forms,
    reportPosition(position) {
      if (!padLocation) return { used: false };
      // The first fix (or a fix after the configured address stood in) is news for the centre: check and report.
      if (padLocation.report(position)) void selfCheck.run();
      return { used: true };
    },
    async close() {
      closed = true;
      session.close();
      clearInterval(periodic);
      clearTimeout(settle);
      deps.devices.off('deviceChanged', soon);
      await channel.stop();
    },
  };
}
