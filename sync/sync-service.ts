/**
 * The terminal's sync service: local store, outbox drain loop, reference
 * data pull loop, and (see leases/ and uploads/) certificate number leases
 * and material uploads. Writes commit locally and return at once; the loops
 * carry them to the backend whenever it can be reached.
 */
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { join } from 'node:path';
import type { CaseDraft, CaseRecord } from '../domain/case';
import { silentLogger, type Logger } from '../domain/logger';
import type { ServiceItem } from '../domain/service-item';
import type { SyncItemView, SyncScreen, SyncStatus } from '../domain/sync-status';
import { AuditLog } from './audit/audit-log';
import { BackendClient, type BackendResponse, type RequestOptions, type TerminalIdentity } from './client/backend-client';
import { CircuitBreaker, type CircuitBreakerOptions } from './client/circuit-breaker';
import { loadOrCreateIdentity, registerTerminal } from './client/identity';
import { FileKeyProvider, type KeyProvider } from './crypto/key-provider';
import { sm2Sign } from '../crypto';
import { Sm4Box } from './crypto/sm';
import { errorCode, SyncError } from './errors';
import { splitReason } from './messages';
import { nextDelay, type BackoffOptions } from './outbox/backoff';
import { OutboxDrainer } from './outbox/drainer';
import { Loop, type StepResult } from './outbox/loop';
import { FEEDS, FeedPuller } from './pull/feed-puller';
import { DeskEvents, type NewDeskEvent } from './desk/desk-events';
import type { DeskEvent } from '../domain/registry/appointments';
import { openDatabase, type Db } from './store/database';
import { MaterialsStore } from './store/materials-store';
import { LeaseStore } from './store/lease-store';
import { SyncStore } from './store/sync-store';
import { CertificateNumbers, VOID_REASONS, type CertificateType, type LeasePolicy, type NumberAccounting, type VoidReason } from './leases/certificate-numbers';
import { MaterialCipher } from './uploads/material-file';
import { verifyOfficerOnline, type OnlineVerdict } from './officers/officer-directory';
import { PersonalDataPurge, type PurgeOutcome } from './retention/personal-data-purge';
import { currentActor } from './audit/actor';
import { Uploader, type KeptMaterial, type MaterialFile, type MaterialInput, type StagedMaterial, type UploaderOptions } from './uploads/uploader';
import { OpenCaseStore } from './store/open-case-store';

export interface SyncServiceOptions {
  dataDir: string;
  backendUrl: string;
  logger?: Logger;
  /** The terminal's wall clock (tests move it a day ahead or behind). */
  now?: () => number;
  keyProvider?: KeyProvider;
  /** Items per submission request (default 200). */
  batchSize?: number;
  backoff?: BackoffOptions;
  breaker?: CircuitBreakerOptions;
  /** How often reference data is pulled (default 60 s, jittered ±20 %). */
  pullIntervalMs?: number;
  requestTimeoutMs?: number;
  /** Sent at registration; the backend uses it to number certificates. */
  registryCode?: string;
  label?: string;
  random?: () => number;
  /** Certificate types this terminal issues (marriage registries); leased ahead of need. */
  certificateTypes?: CertificateType[];
  /** Overrides the backend's configuration entry "certificate-lease". */
  leasePolicy?: LeasePolicy;
  /** Overrides the backend's configuration entry "upload". chunkBytes must be a multiple of 16. */
  upload?: Partial<UploaderOptions>;
  /** How often leases are checked (refill below low water, expiry), default 60 s. */
  leaseIntervalMs?: number;
  /**
   * How long delivered items and uploaded materials are kept for a centre restored from an older backup,
   * when the centre has not confirmed them archived first (default 30 days), and the disk budget for kept
   * materials (default 2 GiB; over it the oldest uploaded ones go first).
   */
  retention?: { retentionMs?: number; materialBudgetBytes?: number };
}

export interface SealedVault {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** What the printing helper needs; served by SyncService.certificateNumberSource(). */
export interface CertificateNumberSource {
  take(type: string, caseId?: string): Promise<string>;
  void(number: string, reason: string): Promise<void>;
}

/** A certificate number of the day: taken (issued), and voided too when it was spoiled or expired. */
export interface DayNumber {
  number: string;
  type: string;
  state: 'issued' | 'void';
  takenAt: string;
  voidReason?: string;
  voidedAt?: string;
}

export interface SyncService {
  start(): Promise<void>;
  stop(): Promise<void>;
  createCase(draft: CaseDraft): CaseRecord;
  /**
   * Creates a case with its materials in one transaction: after a crash there is either the case with every
   * material queued, or neither. Resolves once committed; never waits on the network.
   */
  createCaseWithMaterials(draft: CaseDraft, materials: MaterialFile[]): Promise<CaseRecord>;
  listCases(limit?: number): CaseRecord[];
  getCase(id: string): CaseRecord | undefined;
  catalogue(): ServiceItem[];
  appointments(): unknown[];
  configuration(): { id: string; value: unknown }[];
  status(): SyncStatus;
  syncScreen(): SyncScreen;
  retryNow(): void;
  /** The officer fixed a dead-lettered item (optionally correcting the case's form) and sends it again. */
  retryDeadLetter(seq: number, patch?: { form?: Record<string, string>; serviceItemId?: string }): void;
  terminalId(): string | undefined;
  /** One signed request to the backend through the shared client and circuit breaker (fleet: updates, reports). */
  backendRequest<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<BackendResponse<T>>;
  /** The hash-chained audit log (read-only view). */
  audit(): AuditLog;
  /** Pull every feed now; resolves when done (tests, and the officer's "refresh catalogue"). */
  pullNow(): Promise<void>;
  /** Stores a captured material (encrypted, flushed) and queues its upload; resolves to the material id. */
  addMaterial(input: MaterialInput): Promise<string>;
  /** Signs with the terminal's SM2 key without handing the key out (signature bindings, e-archive). */
  terminalSigner(): { terminalId: string; publicKeyHex: string; sign(message: Uint8Array): string };
  /** Takes the next certificate number of a type, recording it as issued in the same transaction. */
  takeCertificateNumber(type: string, caseId?: string): Promise<string>;
  voidCertificateNumber(number: string, reason: string, note?: string): Promise<void>;
  /** The case a number was issued in (a reprint stays in it), or undefined for a number issued without one. */
  certificateCaseOf(number: string): string | undefined;
  certificateNumberSource(): CertificateNumberSource;
  /** End-of-day view of every leased number: issued, void or still available, and none unaccounted. */
  certificateAccounting(): NumberAccounting;
  /** Certificate numbers taken or voided between two instants (a registry's end-of-day report). */
  certificateNumbersBetween(fromIso: string, toIso: string): DayNumber[];
  /** Records what a registry desk did (check-in, walk-in, ...) and queues it for the backend, in one transaction. */
  recordDeskEvent(event: NewDeskEvent): DeskEvent;
  deskEventsOf(day: string): DeskEvent[];
  /**
   * A completed registry desk case (its e-archive record) with its captured papers and photos, committed in one
   * transaction like a reception case: after a crash there is the record with every material queued, or nothing.
   */
  submitRegistryCase(caseId: string, payload: Record<string, unknown>, materials: (MaterialFile | KeptMaterial)[]): Promise<void>;
  /**
   * A registry desk case still open, sealed at rest and replaced whole on each change; the completion
   * (`submitRegistryCase`) removes it in its own transaction, so a case is open or archived, never lost.
   */
  saveOpenRegistryCase(caseId: string, state: unknown): void;
  openRegistryCases(): unknown[];
  /** Keeps a captured page of an open registry case encrypted on disk (once per page id) until the case completes. */
  keepRegistryPage(caseId: string, pageId: string, page: { data: Uint8Array; mimeType: string }): Promise<void>;
  /** A kept page's type, if its row and file are both still here. */
  registryPage(pageId: string): { mimeType: string } | undefined;
  readRegistryPage(pageId: string): Promise<{ data: Uint8Array; mimeType: string } | undefined>;
  /** A page taken out of its open case (discarded, or a photo taken again). */
  dropRegistryPage(pageId: string): void;
  /**
   * An open registry case abandoned: its sealed state and every page kept for it removed, and the abandonment
   * (`details`: the reason, never personal data) appended to the audit chain with the acting officer, in one transaction.
   */
  abandonOpenRegistryCase(caseId: string, details: Record<string, unknown>, deskEvent?: NewDeskEvent): void;
  /** A registry desk's national review (sealed), saved on every change; `askedOn` is the Beijing day it was asked. */
  saveRegistryReview(reviewId: string, view: unknown, askedOn: string): void;
  registryReviews(): { view: unknown; askedOn: string }[];
  /** A review no longer needed: its sealed state and the pages kept under its id (an override's document) removed. */
  dropRegistryReview(reviewId: string): void;
  /** Whether a certificate number taken here is still issued or voided (undefined: not a number of this terminal). */
  certificateNumberState(number: string): 'issued' | 'void' | undefined;
  /** The registry desk's end-of-day report, queued for the backend (sent again under the same id it is one report). */
  submitDayReport(reportId: string, payload: Record<string, unknown>): void;
  /** The terminal's clock corrected by the backend's (appointment slots are the backend's times). */
  serverNow(): number;
  /** Checks an officer's account and password with the backend; throws the transport's SyncError when offline. */
  verifyOfficer(account: string, password: string): Promise<OnlineVerdict>;
  /** Sealed (SM4) storage for officer sign-in state on this terminal: cached verifiers, failure counts. */
  officerVault(): SealedVault;
  /** Sealed storage for the application forms the services hold (they outlive a restart of the services). */
  heldFormVault(): SealedVault;
  /**
   * Removes the personal data of every case the centre confirmed archived and synced at least `retentionMs` ago
   * (see retention/personal-data-purge.ts); never touches a case the centre has not confirmed.
   */
  purgePersonalData(retentionMs: number): PurgeOutcome;
  on(event: 'status', listener: (status: SyncStatus) => void): this;
  on(event: 'caseChanged', listener: (record: CaseRecord) => void): this;
  on(event: 'catalogueChanged', listener: () => void): this;
  /** The backend's configuration feed changed (a pushed terminal configuration among others). */
  on(event: 'configurationChanged', listener: () => void): this;
}

const CATALOGUE_REASONS = new Set(['form-field-missing', 'unknown-service-item', 'service-item-retired']);
const DEFAULT_RETENTION_MS = 30 * 86_400_000;
const DEFAULT_MATERIAL_BUDGET = 2 * 1024 ** 3;

/** GET /v1/terminals/{id}/state: what the centre holds from this terminal (openapi.yaml, TerminalState). */
const terminalStateSchema = z.object({
  terminalId: z.string(),
  lastSeq: z.number().int().min(0),
  contiguousSeq: z.number().int().min(0),
  archivedSeq: z.number().int().min(0),
  epoch: z.string().min(1),
});

export function createSyncService(options: SyncServiceOptions): SyncService {
  return new TerminalSyncService(options);
}

interface Running {
  db: Db;
  store: SyncStore;
  audit: AuditLog;
  client: BackendClient;
  breaker: CircuitBreaker;
  identity: TerminalIdentity;
  drain: Loop;
  pull: Loop;
  leases: Loop;
  uploads: Loop;
  numbers: CertificateNumbers;
  uploader: Uploader;
  deskEvents: DeskEvents;
  personalData: PersonalDataPurge;
  openCases: OpenCaseStore;
}

class TerminalSyncService extends EventEmitter implements SyncService {
  readonly #options: SyncServiceOptions;
  readonly #logger: Logger;
  readonly #clock: () => number;
  #running: Running | undefined;
  #registered = false;
  #restoreCheckNeeded = false;
  #restoreCheck: Promise<void> | undefined;
  #registering: Promise<void> | undefined;
  #backend: SyncStatus['backend'] = 'unknown';
  #lastError: string | undefined;
  #lastSyncAt: string | undefined;
  #lastStatusJson = '';

  constructor(options: SyncServiceOptions) {
    super();
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#clock = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    const { dataDir } = this.#options;
    const keyProvider = this.#options.keyProvider ?? new FileKeyProvider(join(dataDir, 'keys', 'data.key'));
    const dataKey = await keyProvider.loadDataKey();
    const box = new Sm4Box(dataKey);
    const db = openDatabase(join(dataDir, 'terminal.sqlite'));
    const audit = new AuditLog(db, this.#clock);
    const store = new SyncStore(db, box, audit, this.#clock);
    try {
      store.getSealedMeta('terminal_keys');
    } catch (error) {
      db.close();
      throw new SyncError('store-key-invalid', 'the data key does not open this store', { cause: error });
    }
    const identity = loadOrCreateIdentity(store, audit);
    const breaker = new CircuitBreaker(this.#options.breaker);
    const client = new BackendClient({
      baseUrl: this.#options.backendUrl,
      clock: this.#clock,
      breaker,
      logger: this.#logger,
      ...(this.#options.requestTimeoutMs ? { timeoutMs: this.#options.requestTimeoutMs } : {}),
    });
    client.setIdentity(identity);
    client.onEpoch((epoch) => {
      if (store.getMeta('backend_epoch') === epoch) return;
      // Whatever request saw the new epoch first, the drain asks the centre what it still holds.
      this.#restoreCheckNeeded = true;
      this.#running?.drain.wake(true);
    });
    this.#registered = store.getMeta('registered') === '1';

    const drainer = new OutboxDrainer(store, client, {
      // The centre refused the batch, unapplied, because it carried an epoch it no longer has (a restore).
      epochChanged: () => {
        this.#restoreCheckNeeded = true;
      },
      casesChanged: (ids) => this.#emitCases(ids),
      delivered: (count) => {
        if (count > 0) this.#lastSyncAt = new Date(this.#clock()).toISOString();
      },
      // A refusal over the form or the item usually means the backend's catalogue changed: fetch it now, so the
      // officer corrects the case against the form as it is today.
      rejected: (reasons) => {
        if (reasons.some((reason) => CATALOGUE_REASONS.has(splitReason(reason).code))) pull.wake();
      },
    }, this.#options.batchSize ?? 200, () => store.getMeta('backend_epoch'));
    const random = this.#options.random;
    /** A queue's loop: runs when woken, backs off on failure, and tells online from offline. */
    const queueLoop = (name: string, work: () => Promise<StepResult>): Loop =>
      new Loop({
        name,
        idleMs: Number.POSITIVE_INFINITY,
        logger: this.#logger,
        breaker,
        ...(this.#options.backoff ? { backoff: this.#options.backoff } : {}),
        ...(random ? { random } : {}),
        step: async () => {
          await this.#ensureRegistered();
          const result = await work();
          this.#markOnline();
          return result;
        },
        onFailure: (error) => this.#markFailure(error),
      });
    const drain = queueLoop('drain', async () => {
      await this.#checkBackendRestore();
      return drainer.step();
    });
    const puller = new FeedPuller(store, client, this.#logger);
    const pullIntervalMs = this.#options.pullIntervalMs ?? 60_000;
    const pull: Loop = new Loop({
      name: 'pull',
      idleMs: pullIntervalMs,
      idleJitter: 0.2,
      logger: this.#logger,
      breaker,
      // Reference data is never urgent: after a failure the next pull comes at a random point of
      // the regular interval (or later), so a fleet coming back from an outage does not pull at once.
      backoff: { baseMs: pullIntervalMs / 2, capMs: Math.max(this.#options.backoff?.capMs ?? 300_000, pullIntervalMs) },
      ...(random ? { random } : {}),
      step: async () => {
        await this.#ensureRegistered();
        await this.#pullAll(puller);
        await this.#checkBackendRestore();
        await this.#followArchive();
        this.#markOnline();
        return 'idle';
      },
      onFailure: (error) => this.#markFailure(error),
    });
    const numbers = new CertificateNumbers(store, audit, () => client.serverNow(), () => this.#leasePolicy(store));
    const leases: Loop = new Loop({
      name: 'leases',
      idleMs: this.#options.leaseIntervalMs ?? 60_000,
      idleJitter: 0.2,
      logger: this.#logger,
      breaker,
      ...(this.#options.backoff ? { backoff: this.#options.backoff } : {}),
      ...(random ? { random } : {}),
      step: async () => {
        // Expiry follows the backend's clock; until it has told us its time, expire nothing.
        if (client.hasServerTime && numbers.expireLeases() > 0) drain.nudge();
        for (const type of numbers.typesInUse(this.#options.certificateTypes ?? [])) {
          if (!numbers.needsRefill(type)) continue;
          await this.#ensureRegistered();
          await numbers.refill(client, type);
        }
        return 'idle';
      },
    });
    const uploader = new Uploader(
      new MaterialsStore(db),
      audit,
      new MaterialCipher(dataKey),
      dataDir,
      () => this.#uploadOptions(store),
      () => this.#emitStatus(),
      () => {
        store.countResentMaterial();
        this.#emitStatus();
      },
      (attempt) => nextDelay(attempt, undefined, { baseMs: this.#options.backoff?.baseMs ?? 1_000, capMs: this.#options.backoff?.capMs ?? 300_000, random: () => 0.5 + 0.5 * (random ?? Math.random)() }),
    );
    uploader.cleanOrphans();
    const uploads = queueLoop('uploads', () => uploader.step(client));
    // Any call that gets through after an outage wakes the queues: reconnect is noticed without a new write.
    breaker.onChange((state) => {
      if (state === 'closed') {
        drain.wake(true);
        uploads.wake(true);
      }
    });
    const personalData = new PersonalDataPurge(db, box, audit, (materialId) => uploader.removeFile(materialId), this.#clock);
    this.#running = { db, store, audit, client, breaker, identity, drain, pull, leases, uploads, numbers, uploader, deskEvents: new DeskEvents(store, audit, this.#clock), personalData, openCases: new OpenCaseStore(db, box) };
    this.#puller = puller;
    drain.start();
    pull.start();
    leases.start();
    uploads.start();
    this.#emitStatus();
  }

  #puller: FeedPuller | undefined;

  async stop(): Promise<void> {
    const running = this.#running;
    if (!running) return;
    this.#running = undefined;
    running.client.close();
    await Promise.all([running.drain.stop(), running.pull.stop(), running.leases.stop(), running.uploads.stop()]);
    running.db.close();
  }

  #require(): Running {
    if (!this.#running) throw new SyncError('sync-not-started', 'sync service is not started');
    return this.#running;
  }

  /** One registration however many loops need it at once: they share the request in flight. */
  #ensureRegistered(): Promise<void> {
    if (this.#registered) return Promise.resolve();
    this.#registering ??= this.#register().finally(() => {
      this.#registering = undefined;
    });
    return this.#registering;
  }

  async #register(): Promise<void> {
    const running = this.#require();
    await registerTerminal(running.client, running.identity, {
      ...(this.#options.label ? { label: this.#options.label } : {}),
      ...(this.#options.registryCode ? { registryCode: this.#options.registryCode } : {}),
    });
    running.store.setMeta('registered', '1');
    if (running.client.epoch && !running.store.getMeta('backend_epoch')) running.store.setMeta('backend_epoch', running.client.epoch);
    running.audit.append('terminal.registered', running.identity.terminalId, { backend: this.#options.backendUrl });
    this.#registered = true;
  }

  /**
   * The backend's epoch changed (a restore from an older backup, or first contact). Ask what it holds from
   * us and re-queue what it lost: delivered items above its contiguous high-water mark, and uploaded
   * materials it has not confirmed archived. Submissions carry the epoch last reconciled, so the centre
   * refuses (unapplied) any batch sent before this ran: sound whichever request met the new epoch first.
   */
  #checkBackendRestore(): Promise<void> {
    if (!this.#restoreCheckNeeded) return Promise.resolve();
    this.#restoreCheck ??= this.#reconcileWithBackend().finally(() => {
      this.#restoreCheck = undefined;
    });
    return this.#restoreCheck;
  }

  async #reconcileWithBackend(): Promise<void> {
    const running = this.#require();
    this.#restoreCheckNeeded = false;
    let state: z.infer<typeof terminalStateSchema>;
    try {
      state = await this.#terminalState(running);
    } catch (error) {
      this.#restoreCheckNeeded = true;
      throw error;
    }
    const previous = running.store.getMeta('backend_epoch');
    const requeued = running.store.requeueDeliveredAfter(state.contiguousSeq);
    const materials = previous !== undefined && previous !== state.epoch ? running.uploader.requeueAfterRestore() : 0;
    if (requeued.items > 0 || materials > 0) {
      this.#logger.warn('backend lost items (restored from backup?); re-sending', { contiguousSeq: state.contiguousSeq, items: requeued.items, materials });
      running.store.setRestoreReport({ at: new Date(this.#clock()).toISOString(), epoch: state.epoch, contiguousSeq: state.contiguousSeq, cases: requeued.caseIds.length, items: requeued.items, materials: 0 });
      this.#emitCases(requeued.caseIds);
      running.uploads.wake(true);
    }
    running.store.setMeta('backend_epoch', state.epoch);
    running.store.markArchivedThrough(state.archivedSeq);
    // Another restore while we asked: go round again.
    if (running.client.epoch !== undefined && running.client.epoch !== state.epoch) this.#restoreCheckNeeded = true;
  }

  async #terminalState(running: Running): Promise<z.infer<typeof terminalStateSchema>> {
    const response = await running.client.request('GET', `/v1/terminals/${running.identity.terminalId}/state`);
    const parsed = terminalStateSchema.safeParse(response.data);
    if (!parsed.success) throw new SyncError('backend-bad-response', 'terminal state did not match the schema');
    return parsed.data;
  }

  /**
   * Follows what the centre has durably archived: cases up to its archived seq, materials it confirms on HEAD.
   * What is archived (or older than the retention, or over the disk budget for materials) is released here.
   */
  async #followArchive(): Promise<void> {
    const running = this.#require();
    const state = await this.#terminalState(running);
    if (state.epoch !== running.store.getMeta('backend_epoch')) {
      this.#restoreCheckNeeded = true;
      await this.#checkBackendRestore();
      return;
    }
    running.store.markArchivedThrough(state.archivedSeq);
    await running.uploader.checkArchived(running.client);
    const retentionMs = this.#options.retention?.retentionMs ?? DEFAULT_RETENTION_MS;
    const retainedSince = new Date(this.#clock() - retentionMs).toISOString();
    running.uploader.release(retainedSince, this.#materialBudget());
    running.store.pruneDelivered(retainedSince, state.archivedSeq);
    this.#emitStatus();
  }

  #materialBudget(): number {
    return this.#options.retention?.materialBudgetBytes ?? DEFAULT_MATERIAL_BUDGET;
  }

  async #pullAll(puller: FeedPuller): Promise<void> {
    for (const feed of FEEDS) {
      const outcome = await puller.pull(feed);
      if (feed === 'catalogue' && outcome.changed > 0) this.emit('catalogueChanged');
      if (feed === 'configuration' && outcome.changed > 0) this.emit('configurationChanged');
    }
  }

  #markOnline(): void {
    this.#backend = 'online';
    this.#lastError = undefined;
    this.#emitStatus();
  }

  #markFailure(error: unknown): void {
    const code = errorCode(error);
    if (code === 'backend-terminal-unknown') {
      // The backend lost our registration (e.g. restored from an older backup): register again.
      this.#registered = false;
      this.#running?.store.setMeta('registered', '0');
    }
    const transportDown = ['backend-unreachable', 'backend-timeout', 'backend-server-error', 'backend-circuit-open', 'backend-rate-limited'].includes(code);
    if (transportDown) this.#backend = 'offline';
    this.#lastError = code;
    this.#emitStatus();
  }

  #emitCases(ids: string[]): void {
    const running = this.#running;
    if (!running) return;
    if (this.listenerCount('caseChanged') > 0) {
      for (const id of ids) {
        const record = running.store.getCase(id);
        if (record) this.emit('caseChanged', record);
      }
    }
    this.#emitStatus();
  }

  #emitStatus(): void {
    if (!this.#running) return;
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.#lastStatusJson) return;
    this.#lastStatusJson = json;
    this.emit('status', status);
  }

  createCase(draft: CaseDraft): CaseRecord {
    const running = this.#require();
    const record = running.store.createCase(draft);
    this.#caseCreated(running, record, false);
    return record;
  }

  async createCaseWithMaterials(draft: CaseDraft, materials: MaterialFile[]): Promise<CaseRecord> {
    const running = this.#require();
    const staged: StagedMaterial[] = [];
    let record: CaseRecord;
    try {
      for (const material of materials) staged.push(await running.uploader.stage(material));
      record = running.db
        .transaction(() => {
          const created = running.store.createCase(draft);
          for (const material of staged) running.uploader.record(created.id, material);
          return created;
        })
        .immediate();
    } catch (error) {
      for (const material of staged) running.uploader.discard(material);
      throw error;
    }
    this.#caseCreated(running, record, staged.length > 0);
    return record;
  }

  #caseCreated(running: Running, record: CaseRecord, withMaterials: boolean): void {
    this.emit('caseChanged', record);
    this.#emitStatus();
    running.drain.nudge();
    if (withMaterials) running.uploads.nudge();
  }

  listCases(limit = 100): CaseRecord[] {
    return this.#require().store.listCases(limit);
  }

  getCase(id: string): CaseRecord | undefined {
    return this.#require().store.getCase(id);
  }

  catalogue(): ServiceItem[] {
    return this.#require()
      .store.feedEntries<ServiceItem>('catalogue')
      .filter((item) => !item.retired);
  }

  appointments(): unknown[] {
    return this.#require().store.feedEntries('appointments');
  }

  configuration(): { id: string; value: unknown }[] {
    return this.#require().store.feedEntries<{ id: string; value: unknown }>('configuration');
  }

  status(): SyncStatus {
    const counts = this.#require().store.counts();
    const status: SyncStatus = { backend: this.#backend, queued: counts.pending, failed: counts.failed, deadLettered: counts.dead };
    if (this.#lastSyncAt) status.lastSyncAt = this.#lastSyncAt;
    if (this.#lastError) status.lastError = this.#lastError;
    const report = this.#require().store.restoreReport();
    if (report) status.resentAfterRestore = { at: report.at, cases: report.cases, materials: report.materials };
    const kept = this.#require().uploader.keptBytes();
    if (kept > 0) {
      status.keptMaterialBytes = kept;
      status.materialBudgetBytes = this.#materialBudget();
    }
    const uploads = this.#require().uploader.totals();
    if (uploads.pending > 0) {
      status.uploadsPending = uploads.pending;
      status.uploadBytesSent = uploads.sent;
      status.uploadBytesTotal = uploads.total;
    }
    return status;
  }

  syncScreen(): SyncScreen {
    const running = this.#require();
    const items: SyncItemView[] = running.store.outboxView().map((row) => {
      const view: SyncItemView = {
        seq: row.seq,
        kind: row.kind,
        refId: row.refId,
        state: row.state === 'dead' ? 'dead-letter' : row.lastError ? 'failed' : 'queued',
        attempts: row.attempts,
        createdAt: row.createdAt,
      };
      if (row.lastError) view.lastError = row.lastError;
      if (row.deadReason) view.deadReason = row.deadReason;
      return view;
    });
    return { status: this.status(), items, uploads: running.uploader.views() };
  }

  retryNow(): void {
    const running = this.#running;
    if (!running) return;
    running.breaker.reset();
    running.drain.wake(true);
    running.pull.wake(true);
    running.leases.wake(true);
    running.uploads.wake(true);
  }

  retryDeadLetter(seq: number, patch?: { form?: Record<string, string>; serviceItemId?: string }): void {
    const running = this.#require();
    const { refId } = running.store.retryDeadLetter(seq, patch);
    this.#emitCases([refId]);
    running.drain.wake(true);
  }

  terminalId(): string | undefined {
    return this.#running?.identity.terminalId;
  }

  async backendRequest<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<BackendResponse<T>> {
    await this.#ensureRegistered();
    return this.#require().client.request<T>(method, path, options);
  }

  audit(): AuditLog {
    return this.#require().audit;
  }

  async pullNow(): Promise<void> {
    const running = this.#require();
    await this.#ensureRegistered();
    await this.#pullAll(this.#puller!);
    await this.#checkBackendRestore();
    await this.#followArchive();
    this.#markOnline();
    void running;
  }

  terminalSigner(): { terminalId: string; publicKeyHex: string; sign(message: Uint8Array): string } {
    const { identity } = this.#require();
    return { terminalId: identity.terminalId, publicKeyHex: identity.keys.publicKey, sign: (message) => sm2Sign(message, identity.keys) };
  }

  async addMaterial(input: MaterialInput): Promise<string> {
    const running = this.#require();
    const id = await running.uploader.add(input);
    this.#emitStatus();
    running.uploads.nudge();
    return id;
  }

  async takeCertificateNumber(type: string, caseId?: string): Promise<string> {
    const running = this.#require();
    if (!running.numbers.isType(type)) throw new SyncError('certificate-type-unknown', `unknown certificate type ${type}`, { params: { type } });
    let number = running.numbers.take(type, caseId);
    if (!number) {
      // Block empty: one attempt to lease now; offline, the officer gets a clear message instead of a wait.
      try {
        await this.#ensureRegistered();
        await running.numbers.refill(running.client, type);
      } catch (error) {
        throw new SyncError('certificate-numbers-exhausted', `no ${type} numbers left and no new block: ${errorCode(error)}`, { params: { type }, cause: error });
      }
      number = running.numbers.take(type, caseId);
      if (!number) throw new SyncError('certificate-numbers-exhausted', `no ${type} numbers after refill`, { params: { type } });
    }
    if (running.numbers.needsRefill(type)) running.leases.wake();
    this.#emitStatus();
    running.drain.nudge();
    return number;
  }

  async voidCertificateNumber(number: string, reason: string, note?: string): Promise<void> {
    const running = this.#require();
    // "spoiled: paper jam" (the printer's reprint) is a spoiled booklet with a note, not "other".
    const prefixed = /^(spoiled|expired|unused|other):\s*(.*)$/s.exec(reason);
    const head = prefixed ? prefixed[1]! : reason;
    const why: VoidReason = (VOID_REASONS as readonly string[]).includes(head) ? (head as VoidReason) : 'other';
    const detail = prefixed ? prefixed[2]! : why === 'other' && reason !== 'other' ? reason : '';
    running.numbers.void(number, why, detail && detail !== why ? detail.slice(0, 200) : note);
    this.#emitStatus();
    running.drain.nudge();
  }

  certificateCaseOf(number: string): string | undefined {
    return this.#require().numbers.caseOf(number);
  }

  certificateAccounting(): NumberAccounting {
    return this.#require().numbers.accounting();
  }

  certificateNumbersBetween(fromIso: string, toIso: string): DayNumber[] {
    return new LeaseStore(this.#require().db).numbersBetween(fromIso, toIso).map((row) => ({
      number: row.number,
      type: row.type,
      state: row.state,
      takenAt: row.taken_at,
      ...(row.void_reason ? { voidReason: row.void_reason } : {}),
      ...(row.voided_at ? { voidedAt: row.voided_at } : {}),
    }));
  }

  recordDeskEvent(input: NewDeskEvent): DeskEvent {
    const running = this.#require();
    const event = running.deskEvents.record(input);
    this.#emitStatus();
    running.drain.nudge();
    return event;
  }

  deskEventsOf(day: string): DeskEvent[] {
    return this.#require().deskEvents.ofDay(day);
  }

  async submitRegistryCase(caseId: string, payload: Record<string, unknown>, materials: (MaterialFile | KeptMaterial)[]): Promise<void> {
    const running = this.#require();
    const staged: StagedMaterial[] = [];
    let leftover: string[] = [];
    try {
      for (const material of materials) if (!('keptPageId' in material)) staged.push(await running.uploader.stage(material));
      running.db
        .transaction(() => {
          // The officer who completed it (sync knows who acts, as for a reception case).
          const officerId = currentActor()?.officerId;
          running.store.enqueue('registry-case', caseId, { ...payload, caseId, ...(officerId ? { officerId } : {}) });
          for (const material of staged) running.uploader.record(caseId, material);
          // A kept page's file becomes the material's file as it is: the outbox item owns it from this commit.
          for (const material of materials) {
            if (!('keptPageId' in material)) continue;
            const page = running.openCases.page(material.keptPageId);
            if (!page || !running.uploader.hasKept(page.id)) throw new SyncError('registry-page-gone', `kept page ${material.keptPageId} is gone`, { params: { pageId: material.keptPageId } });
            running.uploader.record(caseId, { id: page.id, materialKey: material.materialKey, fileName: material.fileName, mimeType: page.mimeType, size: page.size, sm3: page.sm3 });
            running.openCases.removePage(page.id);
          }
          leftover = running.openCases.pageIdsOf(caseId);
          for (const id of leftover) running.openCases.removePage(id);
          running.openCases.remove(caseId);
          running.audit.append('registry.case-archived', caseId, { materials: materials.length });
        })
        .immediate();
    } catch (error) {
      for (const material of staged) running.uploader.discard(material);
      throw error;
    }
    for (const id of leftover) running.uploader.dropKept(id);
    this.#emitStatus();
    running.drain.nudge();
    if (materials.length > 0) running.uploads.nudge();
  }

  saveOpenRegistryCase(caseId: string, state: unknown): void {
    this.#require().openCases.save(caseId, state, new Date(this.#clock()).toISOString());
  }

  openRegistryCases(): unknown[] {
    return this.#require().openCases.all();
  }

  async keepRegistryPage(caseId: string, pageId: string, page: { data: Uint8Array; mimeType: string }): Promise<void> {
    const running = this.#require();
    if (running.openCases.page(pageId) && running.uploader.hasKept(pageId)) return;
    const { size, sm3 } = await running.uploader.keepFile(pageId, page.data);
    try {
      running.db
        .transaction(() => {
          running.openCases.removePage(pageId);
          running.openCases.keepPage({ id: pageId, caseId, mimeType: page.mimeType, size, sm3 }, new Date(this.#clock()).toISOString());
        })
        .immediate();
    } catch (error) {
      running.uploader.dropKept(pageId);
      throw error;
    }
  }

  registryPage(pageId: string): { mimeType: string } | undefined {
    const running = this.#require();
    const page = running.openCases.page(pageId);
    return page && running.uploader.hasKept(pageId) ? { mimeType: page.mimeType } : undefined;
  }

  async readRegistryPage(pageId: string): Promise<{ data: Uint8Array; mimeType: string } | undefined> {
    const running = this.#require();
    const page = running.openCases.page(pageId);
    const data = page ? await running.uploader.readKept(pageId, page.size) : undefined;
    return page && data ? { data, mimeType: page.mimeType } : undefined;
  }

  dropRegistryPage(pageId: string): void {
    const running = this.#require();
    // Only a page still kept for an open case: a completed case's material owns its file.
    if (!running.openCases.page(pageId)) return;
    running.openCases.removePage(pageId);
    running.uploader.dropKept(pageId);
  }

  abandonOpenRegistryCase(caseId: string, details: Record<string, unknown>, deskEvent?: NewDeskEvent): void {
    const running = this.#require();
    let pages: string[] = [];
    running.db
      .transaction(() => {
        pages = running.openCases.pageIdsOf(caseId);
        for (const id of pages) running.openCases.removePage(id);
        running.openCases.remove(caseId);
        running.audit.append('registry.case-abandoned', caseId, { ...details, pages: pages.length });
        // The desk's list and the backend hear of it in the same transaction: no appointment left "in progress".
        if (deskEvent) running.deskEvents.record(deskEvent);
      })
      .immediate();
    if (deskEvent) {
      this.#emitStatus();
      running.drain.nudge();
    }
    // The files after the commit: a crash in between leaves orphan ciphertext, never a case pointing at nothing.
    for (const id of pages) running.uploader.dropKept(id);
  }

  saveRegistryReview(reviewId: string, view: unknown, askedOn: string): void {
    this.#require().openCases.saveReview(reviewId, view, askedOn, new Date(this.#clock()).toISOString());
  }

  registryReviews(): { view: unknown; askedOn: string }[] {
    return this.#require()
      .openCases.reviews()
      .map((row) => ({ view: row.state, askedOn: row.askedOn }));
  }

  dropRegistryReview(reviewId: string): void {
    const running = this.#require();
    let pages: string[] = [];
    running.db
      .transaction(() => {
        pages = running.openCases.pageIdsOf(reviewId);
        for (const id of pages) running.openCases.removePage(id);
        running.openCases.removeReview(reviewId);
      })
      .immediate();
    for (const id of pages) running.uploader.dropKept(id);
  }

  certificateNumberState(number: string): 'issued' | 'void' | undefined {
    return new LeaseStore(this.#require().db).numberState(number)?.state;
  }

  submitDayReport(reportId: string, payload: Record<string, unknown>): void {
    const running = this.#require();
    running.db
      .transaction(() => {
        running.store.enqueue('registry-day-report', reportId, { ...payload, reportId });
        running.audit.append('registry.day-report', reportId, { day: payload.day });
      })
      .immediate();
    this.#emitStatus();
    running.drain.nudge();
  }

  serverNow(): number {
    return this.#require().client.serverNow();
  }

  certificateNumberSource(): CertificateNumberSource {
    return {
      take: (type, caseId) => this.takeCertificateNumber(type, caseId),
      void: (number, reason) => this.voidCertificateNumber(number, reason),
    };
  }

  async verifyOfficer(account: string, password: string): Promise<OnlineVerdict> {
    const running = this.#require();
    await this.#ensureRegistered();
    return verifyOfficerOnline(running.client, account, password);
  }

  purgePersonalData(retentionMs: number): PurgeOutcome {
    return this.#require().personalData.purge(retentionMs);
  }

  officerVault(): SealedVault {
    return this.#vault('officer:');
  }

  heldFormVault(): SealedVault {
    return this.#vault('held-form:');
  }

  #vault(prefix: string): SealedVault {
    const { store } = this.#require();
    return {
      get: <T>(key: string) => store.getSealedMeta<T>(prefix + key),
      set: (key, value) => store.setSealedMeta(prefix + key, value),
      delete: (key) => store.deleteMeta(prefix + key),
    };
  }


  #leasePolicy(store: SyncStore): LeasePolicy {
    if (this.#options.leasePolicy) return this.#options.leasePolicy;
    const entry = store.feedEntries<{ id: string; value?: { blockSize?: number; lowWater?: number } }>('configuration').find((candidate) => candidate.id === 'certificate-lease');
    return { blockSize: entry?.value?.blockSize ?? 50, lowWater: entry?.value?.lowWater ?? 10 };
  }

  #uploadOptions(store: SyncStore): UploaderOptions {
    const entry = store.feedEntries<{ id: string; value?: { chunkBytes?: number; parallel?: number } }>('configuration').find((candidate) => candidate.id === 'upload');
    const chunk = this.#options.upload?.chunkBytes ?? entry?.value?.chunkBytes ?? 1024 * 1024;
    return {
      chunkBytes: Math.max(16, Math.floor(chunk / 16) * 16),
      parallel: Math.max(1, Math.min(8, this.#options.upload?.parallel ?? entry?.value?.parallel ?? 2)),
    };
  }
}
