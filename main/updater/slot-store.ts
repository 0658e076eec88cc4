/**
 * A/B slots for the app payload, after Mender and RAUC: a new version is
 * unpacked into the slot not in use, tried, and kept only after it passes
 * the health gate. State moves staged → trying → committed, or
 * trying → rolled-back (health gate failed, crash loop, or the slot no
 * longer verifies). A version that rolled back is remembered and never
 * staged again; a newer one is. The built-in app inside the shell is the
 * last resort when no slot verifies.
 *
 * Every transition is appended to a list of reports kept in the state file,
 * so a step taken while the backend is unreachable, or just before a
 * restart, is still reported later.
 *
 * Layout under root: state.json, a/ and b/ (each manifest.json, package.json
 * declaring ES modules, payload/).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FleetError, type FleetErrorCode } from '../../sync/fleet/fleet-error';
import { inlineSm3, unpackPayload, verifyPayloadFilesWith, type Sm3Hasher } from '../../sync/fleet/payload-archive';
import { compareVersions, coreVersion } from '../../sync/fleet/version';
import { writeFileDurablySync } from '../../platform/durable-file';
import { verifyArchiveWith, verifyManifest, verifyManifestSignature, type PayloadFile, type ReleaseChannel, type ReleaseManifest } from '../../sync/fleet/release-manifest';

export type SlotName = 'a' | 'b';
export const FLEET_STEPS = ['staged', 'trying', 'committed', 'rolled-back', 'refused', 'slot-invalid', 'recalled'] as const;
export type FleetStep = (typeof FLEET_STEPS)[number];

const slotName = z.enum(['a', 'b']);
const eventSchema = z.object({
  at: z.string(),
  step: z.enum(FLEET_STEPS),
  version: z.string(),
  fromVersion: z.string().optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
});
export type FleetEvent = z.infer<typeof eventSchema>;

const stateSchema = z.object({
  format: z.literal(1),
  /** null: the shell's built-in app. */
  active: slotName.nullable(),
  activeVersion: z.string(),
  staged: z.object({ slot: slotName, version: z.string() }).nullable(),
  trying: z
    .object({
      slot: slotName,
      version: z.string(),
      previous: slotName.nullable(),
      previousVersion: z.string(),
      starts: z.number().int().nonnegative(),
      since: z.string(),
      /** Devices failing their self-check just before the switch: the health gate's "no worse than before". */
      baselineSelfCheckFailures: z.number().int().nonnegative().optional(),
    })
    .nullable(),
  failed: z.array(z.object({ version: z.string(), reason: z.string(), at: z.string() })),
  events: z.array(eventSchema),
});
export type SlotState = z.infer<typeof stateSchema>;

export interface SlotStoreOptions {
  root: string;
  pinnedKeys: readonly string[];
  /** The version of the app built into the shell, and of the shell itself. */
  builtinVersion: string;
  shellVersion: string;
  channel?: ReleaseChannel;
  /** Starts without a commit before a trial counts as a crash loop (default 3). */
  maxStarts?: number;
  clock?: () => number;
  /** SM3 of archives and slot files; the shell passes its crypto worker's so verifying never stalls its event loop. */
  sm3?: Sm3Hasher;
}

export interface BootDecision {
  /** Folder holding main/, preload/, renderer/; null: load the shell's built-in app. */
  root: string | null;
  /** The signed file list of the slot (null for the built-in app): renderer files are checked against it when served. */
  files: readonly PayloadFile[] | null;
  version: string;
  /** A trial: the health gate must pass before commit(). */
  trial: boolean;
}

const MAX_EVENTS = 200;

export class SlotStore {
  readonly #options: SlotStoreOptions;
  readonly #clock: () => number;
  readonly #sm3: Sm3Hasher;
  #state: SlotState;

  constructor(options: SlotStoreOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#sm3 = options.sm3 ?? inlineSm3;
    mkdirSync(options.root, { recursive: true });
    this.#state = this.#load();
  }

  state(): SlotState {
    return structuredClone(this.#state);
  }

  /** The version running now (or about to, during a trial). */
  runningVersion(): string {
    return this.#state.activeVersion;
  }

  failedVersions(): string[] {
    return this.#state.failed.map((entry) => entry.version);
  }

  /** The slot a new version goes to: never the one running, never the one a trial would fall back to. */
  inactiveSlot(): SlotName {
    return this.#state.active === 'a' ? 'b' : 'a';
  }

  /** Verifies a downloaded release and unpacks it into the inactive slot. Refusals are recorded for the report. */
  async stage(envelope: unknown, archivePath: string): Promise<ReleaseManifest> {
    let manifest: ReleaseManifest | undefined;
    try {
      if (this.#state.trying) throw new FleetError('slot-state-invalid', `a trial of ${this.#state.trying.version} is under way`);
      manifest = verifyManifest(envelope, {
        pinnedKeys: this.#options.pinnedKeys,
        runningVersion: this.#state.activeVersion,
        shellVersion: this.#options.shellVersion,
        failedVersions: this.failedVersions(),
        ...(this.#options.channel ? { channel: this.#options.channel } : {}),
      });
      await verifyArchiveWith(manifest, readFileSync(archivePath), this.#sm3);
      const slot = this.inactiveSlot();
      const incoming = join(this.#options.root, `${slot}.incoming`);
      rmSync(incoming, { recursive: true, force: true });
      await unpackPayload(archivePath, join(incoming, 'payload'), manifest.payload.files, this.#sm3);
      writeDurable(join(incoming, 'manifest.json'), JSON.stringify(envelope));
      // The built bundles are ES modules, as the shell's own package.json declares for them; outside payload/, so not part of what is signed.
      writeDurable(join(incoming, 'package.json'), '{"type":"module"}\n');
      rmSync(join(this.#options.root, slot), { recursive: true, force: true });
      renameSync(incoming, join(this.#options.root, slot));
      this.#state.staged = { slot, version: manifest.version };
      this.#record({ step: 'staged', version: manifest.version, fromVersion: this.#state.activeVersion });
      return manifest;
    } catch (error) {
      const code = error instanceof FleetError ? error.code : 'payload-archive-invalid';
      this.#record({ step: 'refused', version: manifest?.version ?? versionOf(envelope), fromVersion: this.#state.activeVersion, reason: code, detail: (error as Error).message });
      if (error instanceof FleetError) throw error;
      throw new FleetError('payload-archive-invalid', (error as Error).message);
    }
  }

  /** staged → trying: the next start loads the new slot. */
  beginTrial(baselineSelfCheckFailures?: number): { version: string; fromVersion: string } {
    const staged = this.#state.staged;
    if (!staged) throw new FleetError('slot-nothing-staged', 'nothing is staged');
    const fromVersion = this.#state.activeVersion;
    this.#state.trying = {
      slot: staged.slot,
      version: staged.version,
      previous: this.#state.active,
      previousVersion: fromVersion,
      starts: 0,
      since: this.#now(),
      ...(baselineSelfCheckFailures === undefined ? {} : { baselineSelfCheckFailures }),
    };
    this.#state.active = staged.slot;
    this.#state.activeVersion = staged.version;
    this.#state.staged = null;
    this.#record({ step: 'trying', version: staged.version, fromVersion });
    return { version: staged.version, fromVersion };
  }

  /**
   * A staged version the backend halted (recalled) before it was applied:
   * the slot is emptied and the step reported. The version is not marked
   * failed: if the admin publishes it again it may come back.
   */
  dropStaged(reason: string, detail?: string): boolean {
    const staged = this.#state.staged;
    if (!staged) return false;
    rmSync(join(this.#options.root, staged.slot), { recursive: true, force: true });
    this.#state.staged = null;
    this.#record({ step: 'recalled', version: staged.version, fromVersion: this.#state.activeVersion, reason, ...(detail ? { detail } : {}) });
    return true;
  }

  /**
   * Called once per start of the services by the shell's loader, before any
   * payload code runs: counts trial starts (a crash loop rolls back), and
   * verifies the slot's signature and every file; a slot that fails falls back.
   */
  async boot(): Promise<BootDecision> {
    const maxStarts = this.#options.maxStarts ?? 3;
    for (let guard = 0; guard < 4; guard += 1) {
      const trying = this.#state.trying;
      if (trying && guard === 0) {
        trying.starts += 1;
        this.#persist();
        if (trying.starts > maxStarts) {
          this.rollback('crash-loop', `${trying.starts - 1} starts without passing the health gate`);
          continue;
        }
      }
      const active = this.#state.active;
      if (active === null) return { root: null, files: null, version: this.#state.activeVersion, trial: false };
      try {
        const manifest = await this.#verifySlot(active, this.#state.activeVersion);
        return { root: join(this.#options.root, active, 'payload'), files: manifest.payload.files, version: this.#state.activeVersion, trial: this.#state.trying !== null };
      } catch (error) {
        const code: FleetErrorCode = error instanceof FleetError ? error.code : 'slot-state-invalid';
        if (this.#state.trying) {
          this.rollback(code, (error as Error).message);
        } else {
          // A committed slot that no longer verifies (disk fault, tampering): run the built-in app and say so.
          this.#record({ step: 'slot-invalid', version: this.#state.activeVersion, reason: code, detail: (error as Error).message });
          this.#state.active = null;
          this.#state.activeVersion = this.#options.builtinVersion;
          this.#persist();
        }
      }
    }
    return { root: null, files: null, version: this.#options.builtinVersion, trial: false };
  }

  /** trying → committed, after the health gate passed. */
  commit(): void {
    const trying = this.#state.trying;
    if (!trying) throw new FleetError('slot-not-trying', 'no trial to commit');
    this.#state.trying = null;
    this.#record({ step: 'committed', version: trying.version, fromVersion: trying.previousVersion });
  }

  /** trying → rolled-back: the previous slot is active again and this version is never staged again. */
  rollback(reason: string, detail?: string): void {
    const trying = this.#state.trying;
    if (!trying) throw new FleetError('slot-not-trying', 'no trial to roll back');
    this.#state.active = trying.previous;
    this.#state.activeVersion = trying.previousVersion;
    this.#state.trying = null;
    this.#state.failed = [...this.#state.failed.filter((entry) => entry.version !== trying.version), { version: trying.version, reason, at: this.#now() }].slice(-50);
    this.#record({ step: 'rolled-back', version: trying.version, fromVersion: trying.previousVersion, reason, ...(detail ? { detail } : {}) });
  }

  /** Reports not yet acknowledged by the backend, oldest first. */
  pendingEvents(): FleetEvent[] {
    return structuredClone(this.#state.events);
  }

  /** Drops the first `count` events once the backend has them. */
  acknowledgeEvents(count: number): void {
    this.#state.events = this.#state.events.slice(count);
    this.#persist();
  }

  async #verifySlot(slot: SlotName, version: string): Promise<ReleaseManifest> {
    const dir = join(this.#options.root, slot);
    let envelope: unknown;
    try {
      envelope = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    } catch {
      throw new FleetError('payload-file-missing', `slot ${slot} has no readable manifest`);
    }
    const manifest = verifyManifestSignature(envelope, this.#options.pinnedKeys);
    if (manifest.version !== version) throw new FleetError('slot-state-invalid', `slot ${slot} holds ${manifest.version}, state says ${version}`);
    await verifyPayloadFilesWith(join(dir, 'payload'), manifest.payload.files, this.#sm3);
    return manifest;
  }

  #record(event: Omit<FleetEvent, 'at'>): void {
    this.#state.events = [...this.#state.events, { at: this.#now(), ...event }].slice(-MAX_EVENTS);
    this.#persist();
  }

  #now(): string {
    return new Date(this.#clock()).toISOString();
  }

  #load(): SlotState {
    const path = join(this.#options.root, 'state.json');
    const fresh: SlotState = { format: 1, active: null, activeVersion: this.#options.builtinVersion, staged: null, trying: null, failed: [], events: [] };
    if (!existsSync(path)) return fresh;
    try {
      const state = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      // The shell itself was updated past the slots' app: the built-in one is the newer, so slots start over.
      if (state.active === null) state.activeVersion = this.#options.builtinVersion;
      else if (!state.trying && compareVersions(coreVersion(this.#options.builtinVersion), coreVersion(state.activeVersion)) >= 0) {
        // A full shell update brought an app at least as new as the slot's: run the shell's own.
        state.active = null;
        state.activeVersion = this.#options.builtinVersion;
      }
      return state;
    } catch (error) {
      fresh.events.push({ at: this.#now(), step: 'slot-invalid', version: this.#options.builtinVersion, reason: 'slot-state-invalid', detail: (error as Error).message });
      return fresh;
    }
  }

  #persist(): void {
    writeDurable(join(this.#options.root, 'state.json'), JSON.stringify(this.#state));
  }
}

/** Write-then-rename with fsync: a power cut leaves the old file or the new one, never half of one. */
function writeDurable(path: string, text: string): void {
  writeFileDurablySync(path, text, { mode: 0o600 });
}

function versionOf(envelope: unknown): string {
  try {
    const text = (envelope as { manifest?: unknown }).manifest;
    const version = typeof text === 'string' ? (JSON.parse(text) as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version.slice(0, 40) : 'unknown';
  } catch {
    return 'unknown';
  }
}
