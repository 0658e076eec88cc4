/**
 * The terminal's update agent: checks the backend on its schedule, checks
 * the offered manifest before downloading anything, downloads in the
 * background with resume, has the slot store stage it, and applies it only
 * when the terminal is idle (no case open on screen, no print job, no video
 * session). Every step the slot store records, and every refusal here, is
 * reported to the backend; reports that do not get through are re-sent.
 *
 * The slot store (main/updater/slot-store.ts) belongs to the shell side;
 * the agent sees it through ReleaseStager, so it works the same whether the
 * store is in its process or behind the supervisor's channel.
 */
import type { Logger } from '../../domain/logger';
import { silentLogger } from '../../domain/logger';
import { updateWindowState, type UpdateWindow } from '../../domain/update-window';
import { FleetError } from './fleet-error';
import { downloadPayload, type BackendRequest, type DownloadProgress } from './payload-download';
import { signedManifestSchema, verifyManifest, type ReleaseChannel, type ReleaseManifest } from './release-manifest';

export interface StagerEvent {
  at: string;
  step: string;
  version: string;
  fromVersion?: string;
  reason?: string;
  detail?: string;
}

/**
 * The slot store as the agent sees it. Reads are synchronous (behind the
 * supervisor's channel they answer from the last snapshot, which `refresh`
 * renews); steps may be asynchronous.
 */
export interface ReleaseStager {
  runningVersion(): string;
  failedVersions(): string[];
  state(): { staged: { version: string } | null; trying: { version: string } | null };
  stage(envelope: unknown, archivePath: string): Promise<ReleaseManifest>;
  beginTrial(): { version: string; fromVersion: string } | Promise<{ version: string; fromVersion: string }>;
  /** A staged version the backend halted: drop it before it is applied. */
  dropStaged(reason: string, detail?: string): boolean | Promise<boolean>;
  pendingEvents(): StagerEvent[];
  acknowledgeEvents(count: number): void | Promise<void>;
  /** Renews what the reads answer from (steps the shell took on its own: a commit, a rollback). */
  refresh?(): Promise<void>;
}

export type IdleState = { idle: true } | { idle: false; reason: 'case-open' | 'printing' | 'video-session' | 'busy' };

export type UpdateState = 'up-to-date' | 'downloading' | 'ready' | 'applying' | 'trying';

export interface UpdateStatus {
  state: UpdateState;
  running: string;
  available?: string;
  /** Why a ready update waits (the status bar says "新版本已就绪，空闲时更新"), or that the update window is closed. */
  waitingFor?: Exclude<IdleState, { idle: true }>['reason'] | 'update-window';
  /** Waiting for the update window: the Beijing time (HH:MM) it opens. */
  appliesAt?: string;
  progress?: DownloadProgress;
  lastError?: string;
}

export interface UpdateAgentOptions {
  request: BackendRequest;
  stager: ReleaseStager;
  pinnedKeys: readonly string[];
  shellVersion: string;
  /** The shell's channel, unless the terminal's configuration names one. */
  channel: ReleaseChannel;
  /** The terminal's configuration in force (`updates`): read at each check, so a pushed channel or window counts at once. */
  settings?: () => { channel?: ReleaseChannel; window?: UpdateWindow } | undefined;
  /** Now, for the update window (tests). */
  clock?: () => number;
  downloadDir: string;
  isIdle: () => IdleState;
  /** Restart into the trial slot (the supervisor's job); resolves when the restart is under way. */
  applyUpdate: () => Promise<void>;
  /** What the admin's status table shows for this terminal. */
  terminalStatus?: () => { profile?: string; health?: string; queueDepth?: number };
  chunkBytes?: number;
  /** Until the backend says otherwise. */
  checkIntervalMs?: number;
  /** How often a ready update looks for an idle moment (default 2 s). */
  idlePollMs?: number;
  /** With no step to report, the terminal's status goes to the backend at most this often (default 5 min). */
  statusReportMs?: number;
  logger?: Logger;
  onStatus?: (status: UpdateStatus) => void;
}

export class UpdateAgent {
  readonly #options: UpdateAgentOptions;
  readonly #logger: Logger;
  #status: UpdateStatus;
  #checkIntervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  #running = false;
  #lastStatusReport = Number.NEGATIVE_INFINITY;
  #busy: Promise<void> | undefined;
  /** Versions refused in this run: reported once, not downloaded again at every check. */
  readonly #refused = new Set<string>();

  constructor(options: UpdateAgentOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#checkIntervalMs = options.checkIntervalMs ?? 15 * 60_000;
    const state = options.stager.state();
    this.#status = {
      state: state.trying ? 'trying' : state.staged ? 'ready' : 'up-to-date',
      running: options.stager.runningVersion(),
      ...(state.staged ? { available: state.staged.version } : {}),
    };
  }

  status(): UpdateStatus {
    return { ...this.#status };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    let failures = 0;
    const tick = () => {
      if (!this.#running) return;
      void this.checkOnce()
        .then(
          () => {
            failures = 0;
          },
          (error: unknown) => {
            failures += 1;
            this.#logger.warn('update check failed', { error: (error as Error).message, failures });
          },
        )
        .finally(() => {
          // A failed check (not registered yet, backend away, a download cut) comes back sooner, backing off up to the
          // schedule; ±50 % jitter: a fleet told of a release at once does not come for it at once.
          const base = failures === 0 ? this.#checkIntervalMs : Math.min(this.#checkIntervalMs, 5_000 * 2 ** (failures - 1));
          if (this.#running) this.#timer = setTimeout(tick, base * (0.5 + Math.random()));
        });
    };
    tick();
    const poll = () => {
      if (!this.#running) return;
      void this.applyIfIdle()
        .catch(() => undefined)
        .finally(() => {
          if (this.#running) this.#idleTimer = setTimeout(poll, this.#options.idlePollMs ?? 2_000);
        });
    };
    this.#idleTimer = setTimeout(poll, this.#options.idlePollMs ?? 2_000);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    clearTimeout(this.#idleTimer);
    await this.#busy?.catch(() => undefined);
  }

  /** One check: report, ask for an offer, verify it, download, stage. Serialised with itself. */
  async checkOnce(): Promise<UpdateStatus> {
    while (this.#busy) await this.#busy.catch(() => undefined);
    const work = this.#check();
    this.#busy = work;
    try {
      await work;
    } finally {
      this.#busy = undefined;
    }
    return this.status();
  }

  async #check(): Promise<void> {
    const { stager } = this.#options;
    await this.report();
    const running = stager.runningVersion();
    const response = await this.#options.request<{ release: unknown; checkIntervalMs?: number; halted?: unknown }>(
      'GET',
      `/v1/updates?version=${encodeURIComponent(running)}&channel=${this.#channel()}`,
    );
    if (typeof response.data?.checkIntervalMs === 'number' && response.data.checkIntervalMs >= 1_000) this.#checkIntervalMs = response.data.checkIntervalMs;
    // A recall: the admin halted a version this terminal staged but has not applied yet. It is dropped, not run.
    const halted = Array.isArray(response.data?.halted) ? response.data.halted.filter((entry): entry is string => typeof entry === 'string') : [];
    const staged = stager.state().staged;
    if (staged && halted.includes(staged.version)) {
      await stager.dropStaged('release-halted', `the backend halted ${staged.version} before it was applied`);
      this.#setStatus({ state: 'up-to-date', available: undefined, waitingFor: undefined });
      this.#logger.info('staged update recalled', { version: staged.version });
      await this.report();
    }
    const offer = response.data?.release;
    if (!offer) return;
    const envelope = signedManifestSchema.safeParse(offer);
    const version = envelope.success ? versionHint(envelope.data.manifest) : 'unknown';
    const state = stager.state();
    if (state.trying || state.staged?.version === version || this.#refused.has(version)) return;
    let manifest: ReleaseManifest;
    try {
      manifest = verifyManifest(offer, {
        pinnedKeys: this.#options.pinnedKeys,
        runningVersion: running,
        shellVersion: this.#options.shellVersion,
        channel: this.#channel(),
        failedVersions: stager.failedVersions(),
      });
    } catch (error) {
      if (!(error instanceof FleetError)) throw error;
      this.#refused.add(version);
      await this.#sendReport([{ at: new Date().toISOString(), step: 'refused', version, fromVersion: running, reason: error.code, detail: error.message }]);
      return;
    }
    this.#setStatus({ state: 'downloading', available: manifest.version });
    let archivePath: string;
    try {
      archivePath = await downloadPayload(this.#options.request, manifest, this.#options.downloadDir, {
        ...(this.#options.chunkBytes ? { chunkBytes: this.#options.chunkBytes } : {}),
        onProgress: (progress) => this.#setStatus({ progress }),
      });
    } catch (error) {
      this.#setStatus({ state: 'up-to-date', lastError: (error as FleetError).code ?? 'payload-download-failed' });
      if (error instanceof FleetError && error.code !== 'payload-download-failed') {
        this.#refused.add(manifest.version);
        await this.#sendReport([{ at: new Date().toISOString(), step: 'refused', version: manifest.version, fromVersion: running, reason: error.code, detail: error.message }]);
      }
      throw error;
    }
    try {
      await stager.stage(offer, archivePath);
    } catch (error) {
      this.#refused.add(manifest.version);
      this.#setStatus({ state: 'up-to-date', lastError: (error as FleetError).code ?? 'payload-archive-invalid' });
      await this.report();
      throw error;
    }
    this.#setStatus({ state: 'ready', available: manifest.version });
    this.#logger.info('update staged', { version: manifest.version });
    await this.report();
  }

  /** The channel the terminal follows: its configuration's, else the shell's. */
  #channel(): ReleaseChannel {
    return this.#options.settings?.()?.channel ?? this.#options.channel;
  }

  /** Applies a staged update if the update window is open and the terminal idle now; otherwise says what it waits for. */
  async applyIfIdle(): Promise<boolean> {
    const { stager } = this.#options;
    if (!stager.state().staged || this.#busy) return false;
    const window = updateWindowState(this.#options.settings?.()?.window, (this.#options.clock ?? Date.now)());
    if (!window.open) {
      if (this.#status.waitingFor !== 'update-window' || this.#status.appliesAt !== window.opensAt) this.#setStatus({ state: 'ready', waitingFor: 'update-window', appliesAt: window.opensAt });
      return false;
    }
    const idle = this.#options.isIdle();
    if (!idle.idle) {
      if (this.#status.waitingFor !== idle.reason) this.#setStatus({ state: 'ready', waitingFor: idle.reason, appliesAt: undefined });
      return false;
    }
    // Busy while switching: no check stages anything behind the trial's back.
    const work = (async () => {
      const { version } = await stager.beginTrial();
      this.#setStatus({ state: 'applying', available: version, waitingFor: undefined, appliesAt: undefined });
      await this.report();
      await this.#options.applyUpdate();
    })();
    this.#busy = work;
    try {
      await work;
    } finally {
      this.#busy = undefined;
    }
    return true;
  }

  /** Sends the stager's pending events with this terminal's status; drops them once the backend has them. */
  async report(options: { force?: boolean } = {}): Promise<boolean> {
    await this.#options.stager.refresh?.().catch(() => undefined);
    const events = this.#options.stager.pendingEvents();
    if (events.length === 0 && !options.force && performance.now() - this.#lastStatusReport < (this.#options.statusReportMs ?? 5 * 60_000)) return true;
    const sent = await this.#sendReport(events);
    if (sent && events.length > 0) await this.#options.stager.acknowledgeEvents(events.length);
    return sent;
  }

  async #sendReport(events: StagerEvent[]): Promise<boolean> {
    try {
      await this.#options.request('POST', '/v1/fleet/reports', {
        body: {
          events,
          status: { version: this.#options.stager.runningVersion(), channel: this.#channel(), updateState: this.#status.state, ...(this.#options.terminalStatus?.() ?? {}) },
        },
      });
      this.#lastStatusReport = performance.now();
      return true;
    } catch (error) {
      this.#logger.warn('fleet report not delivered; kept for the next check', { error: (error as Error).message });
      return false;
    }
  }

  #setStatus(patch: Partial<UpdateStatus>): void {
    const next: UpdateStatus = { ...this.#status, ...patch, running: this.#options.stager.runningVersion() };
    for (const key of Object.keys(next) as (keyof UpdateStatus)[]) if (next[key] === undefined) delete next[key];
    this.#status = next;
    this.#options.onStatus?.(this.status());
  }
}

function versionHint(manifestText: string): string {
  try {
    const version = (JSON.parse(manifestText) as { version?: unknown }).version;
    return typeof version === 'string' ? version.slice(0, 40) : 'unknown';
  } catch {
    return 'unknown';
  }
}
