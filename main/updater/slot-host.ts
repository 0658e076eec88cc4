/**
 * The shell's side of fleet updates, the same for Electron and the web host:
 * it owns the A/B slot store, decides before every start of the services
 * which payload they are loaded from (verified first, hashing in the crypto
 * worker), serves renderer files checked against the slot's signed list,
 * answers the update agent's slots requests from the services, and runs the
 * health gate after a switch: pass → commit; fail → roll back and switch
 * back. A crash loop during a trial is counted by the slot store at each
 * start, and rolls back there.
 */
import { join } from 'node:path';
import type { HealthReplyMessage, SlotSnapshot, SlotsReplyMessage, SlotsRequestMessage, UpdatesStart } from '../../contract/services-port';
import type { Logger } from '../../domain/logger';
import { FleetError } from '../../sync/fleet/fleet-error';
import { readVerifiedFile, type Sm3Hasher } from '../../sync/fleet/payload-archive';
import type { PayloadFile, ReleaseChannel } from '../../sync/fleet/release-manifest';
import { contentTypeOf, readRendererFile, rendererRelativePath, type StaticFile } from '../shared/static-files';
import { DEFAULT_HEALTH_GATE_MS, runHealthGate, type HealthGateResult } from './health-gate';
import { SlotStore, type BootDecision } from './slot-store';

export interface SlotHostOptions {
  /** Where the slots live (the terminal's data folder). */
  root: string;
  /** The shell's own built app (main/, preload/, renderer/): the built-in payload, and where bare imports resolve. */
  builtinDir: string;
  pinnedKeys: readonly string[];
  builtinVersion: string;
  shellVersion: string;
  channel: ReleaseChannel;
  sm3: Sm3Hasher;
  logger: Logger;
  gateMs?: number;
  gateIntervalMs?: number;
  maxStarts?: number;
  /** How long one health answer may take. */
  healthReplyMs?: number;
}

/** What the host does for the slot host: talk to the services, restart them. */
export interface SlotHostLink {
  send(message: SlotsReplyMessage | { type: 'health'; id: number }): boolean;
  /** Stop the services and start them again (the next start boots from the slot store's choice). */
  restartServices(): Promise<void>;
  servicesReady(): boolean;
}

export class SlotHost {
  readonly #options: SlotHostOptions;
  readonly #store: SlotStore;
  #decision: BootDecision = { root: null, files: null, version: '', trial: false };
  #files = new Map<string, PayloadFile>();
  #gate: AbortController | undefined;
  #link: SlotHostLink | undefined;
  #nextHealthId = 1;
  readonly #health = new Map<number, (reply: HealthReplyMessage) => void>();
  readonly #gateResults: { version: string; result: HealthGateResult; at: number }[] = [];

  constructor(options: SlotHostOptions) {
    this.#options = options;
    this.#store = new SlotStore({
      root: options.root,
      pinnedKeys: options.pinnedKeys,
      builtinVersion: options.builtinVersion,
      shellVersion: options.shellVersion,
      channel: options.channel,
      sm3: options.sm3,
      ...(options.maxStarts ? { maxStarts: options.maxStarts } : {}),
    });
    this.#decision = { root: null, files: null, version: options.builtinVersion, trial: false };
  }

  connect(link: SlotHostLink): void {
    this.#link = link;
  }

  /** Before every start of the services: which payload, verified; a trial's starts are counted here. */
  async boot(): Promise<BootDecision> {
    this.#gate?.abort();
    this.#decision = await this.#store.boot();
    this.#files = new Map((this.#decision.files ?? []).map((file) => [file.path, file]));
    this.#options.logger.info('payload chosen', { version: this.#decision.version, slot: this.#decision.root ? 'slot' : 'built-in', trial: this.#decision.trial });
    return this.#decision;
  }

  decision(): BootDecision {
    return this.#decision;
  }

  /** The folder holding main/, preload/, renderer/ of the payload in use. */
  payloadDir(): string {
    return this.#decision.root ?? this.#options.builtinDir;
  }

  servicesEntry(): string {
    return join(this.payloadDir(), 'main', 'services.js');
  }

  rendererDir(): string {
    return join(this.payloadDir(), 'renderer');
  }

  /** A renderer file of the payload in use; a slot's file is checked against its signed size and SM3 as it is served. */
  async readRendererFile(urlPath: string): Promise<StaticFile | undefined> {
    if (!this.#decision.root) return readRendererFile(this.rendererDir(), urlPath);
    const relative = rendererRelativePath(this.rendererDir(), urlPath);
    const file = relative === undefined ? undefined : this.#files.get(`renderer/${relative}`);
    if (!file) return undefined;
    try {
      return { body: await readVerifiedFile(this.#decision.root, file, this.#options.sm3), contentType: contentTypeOf(file.path) };
    } catch (error) {
      // A file changed on disk since the start: not served. The next start's boot() finds it and falls back.
      this.#options.logger.error('renderer file refused: it differs from the signed manifest', { path: file.path, code: (error as FleetError).code });
      return undefined;
    }
  }

  snapshot(): SlotSnapshot {
    const state = this.#store.state();
    return {
      running: state.activeVersion,
      failed: state.failed.map((entry) => entry.version),
      staged: state.staged ? { version: state.staged.version } : null,
      trying: state.trying ? { version: state.trying.version } : null,
      events: state.events,
    };
  }

  updatesStart(): UpdatesStart {
    return { pinnedKeys: [...this.#options.pinnedKeys], shellVersion: this.#options.shellVersion, channel: this.#options.channel, slots: this.snapshot() };
  }

  /** Gate outcomes in this run, for launchers and the drill. */
  gateResults(): { version: string; result: HealthGateResult; at: number }[] {
    return [...this.#gateResults];
  }

  /** A message from the services that is not the contract's. */
  onServiceMessage(message: SlotsRequestMessage | HealthReplyMessage): void {
    if (message.type === 'health-reply') {
      this.#health.get(message.id)?.(message);
      this.#health.delete(message.id);
      return;
    }
    void this.#answer(message);
  }

  /** After every start of the services: a trial runs the health gate, then commits or rolls back and switches back. */
  async servicesReady(): Promise<void> {
    const decision = this.#decision;
    if (!decision.trial) return;
    this.#gate?.abort();
    const gate = new AbortController();
    this.#gate = gate;
    const trying = this.#store.state().trying;
    const baseline = trying?.baselineSelfCheckFailures ?? 0;
    // The gate time counts from the switch, not from this start: slow starts and restarts use it up too.
    const gateMs = this.#options.gateMs ?? DEFAULT_HEALTH_GATE_MS;
    const elapsed = trying ? Math.max(0, Date.now() - Date.parse(trying.since)) : 0;
    let last: HealthReplyMessage | undefined;
    const result = await runHealthGate(
      {
        servicesReady: async () => this.#link?.servicesReady() ?? false,
        selfCheckFailures: async () => {
          last = await this.#askHealth();
          return last.selfCheckFailures;
        },
        syncRoundTrip: async () => {
          if (last && !last.syncRoundTrip) throw new Error(last.detail ?? 'no answer from the backend');
          return last?.syncRoundTrip ?? false;
        },
      },
      { baselineSelfCheckFailures: baseline, timeoutMs: Math.max(0, gateMs - elapsed), intervalMs: this.#options.gateIntervalMs ?? 1_000, signal: gate.signal },
    );
    // A restart since (a crash, a switch) started another gate or none: this one's answer no longer counts.
    if (gate.signal.aborted || this.#gate !== gate || this.#store.state().trying?.version !== decision.version) return;
    this.#gate = undefined;
    this.#gateResults.push({ version: decision.version, result, at: Date.now() });
    if (result.passed) {
      this.#store.commit();
      this.#options.logger.info('update committed: health gate passed', { version: decision.version, checks: result.checks });
      return;
    }
    this.#store.rollback('health-gate-failed', `${result.reason}: ${result.detail}`);
    this.#options.logger.error('update rolled back: health gate failed', { version: decision.version, reason: result.reason, detail: result.detail });
    await this.#link?.restartServices();
  }

  #askHealth(): Promise<HealthReplyMessage> {
    const id = this.#nextHealthId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#health.delete(id);
        reject(new Error('the services did not answer the health check'));
      }, this.#options.healthReplyMs ?? 15_000);
      this.#health.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      if (!this.#link?.send({ type: 'health', id })) {
        clearTimeout(timer);
        this.#health.delete(id);
        reject(new Error('the services are not serving'));
      }
    });
  }

  async #answer(message: SlotsRequestMessage): Promise<void> {
    let reply: Omit<SlotsReplyMessage, 'snapshot'>;
    let after: (() => Promise<void>) | undefined;
    try {
      const [first, second] = message.args;
      let result: unknown = null;
      switch (message.op) {
        case 'state':
          break;
        case 'stage': {
          const manifest = await this.#store.stage(JSON.parse(String(first)), String(second));
          result = manifest;
          break;
        }
        case 'beginTrial':
          result = this.#store.beginTrial(typeof first === 'number' && first >= 0 ? Math.floor(first) : undefined);
          break;
        case 'dropStaged':
          result = this.#store.dropStaged(String(first), typeof second === 'string' ? second : undefined);
          break;
        case 'acknowledgeEvents':
          this.#store.acknowledgeEvents(Math.max(0, Math.floor(Number(first) || 0)));
          break;
        case 'apply':
          if (!this.#store.state().trying) throw new FleetError('slot-not-trying', 'no trial to apply');
          after = async () => this.#link?.restartServices();
          break;
        default:
          throw new FleetError('slot-state-invalid', `unknown slots step ${String(message.op)}`);
      }
      reply = { type: 'slots-reply', id: message.id, ok: true, result };
    } catch (error) {
      const code = error instanceof FleetError ? error.code : 'slot-state-invalid';
      reply = { type: 'slots-reply', id: message.id, ok: false, error: { code, message: (error as Error).message } };
    }
    this.#link?.send({ ...reply, snapshot: this.snapshot() });
    // Answered first: the agent stops cleanly when asked to, instead of waiting on this answer.
    if (after) await after().catch((error: unknown) => this.#options.logger.error('switch failed', { detail: (error as Error).message }));
  }
}
