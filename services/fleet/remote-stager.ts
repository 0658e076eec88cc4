/**
 * The shell's slot store as the update agent in the services process sees
 * it: reads answer from the last snapshot the shell sent, steps travel over
 * the parent port as `slots` requests. The slots stay with the shell because
 * it loads the payload from them before any payload code runs, and one
 * process owns the state file.
 */
import type { SlotOp, SlotSnapshot, SlotsReplyMessage, SlotsRequestMessage } from '../../contract/services-port';
import { FLEET_ERROR_CODES, FleetError, type FleetErrorCode } from '../../sync/fleet/fleet-error';
import type { ReleaseManifest } from '../../sync/fleet/release-manifest';
import type { ReleaseStager, StagerEvent } from '../../sync/fleet/update-agent';

/** Staging unpacks and verifies a payload: generous, but a shell that never answers must not wedge the agent. */
const REPLY_TIMEOUT_MS = 5 * 60_000;

export class RemoteStager implements ReleaseStager {
  #snapshot: SlotSnapshot;
  readonly #post: (message: SlotsRequestMessage) => void;
  readonly #baseline: () => Promise<number>;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  #nextId = 1;

  /** `baseline`: devices failing their self-check now, recorded when a trial begins. */
  constructor(snapshot: SlotSnapshot, post: (message: SlotsRequestMessage) => void, baseline: () => Promise<number>) {
    this.#snapshot = snapshot;
    this.#post = post;
    this.#baseline = baseline;
  }

  /** Fed with every `slots-reply` from the shell. */
  onReply(message: SlotsReplyMessage): void {
    this.#snapshot = message.snapshot;
    const call = this.#pending.get(message.id);
    if (!call) return;
    this.#pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.ok) call.resolve(message.result);
    else call.reject(toError(message.error));
  }

  runningVersion(): string {
    return this.#snapshot.running;
  }

  failedVersions(): string[] {
    return [...this.#snapshot.failed];
  }

  state(): { staged: { version: string } | null; trying: { version: string } | null } {
    return { staged: this.#snapshot.staged, trying: this.#snapshot.trying };
  }

  pendingEvents(): StagerEvent[] {
    return structuredClone(this.#snapshot.events);
  }

  async stage(envelope: unknown, archivePath: string): Promise<ReleaseManifest> {
    return (await this.#call('stage', [JSON.stringify(envelope), archivePath])) as ReleaseManifest;
  }

  async beginTrial(): Promise<{ version: string; fromVersion: string }> {
    const baseline = await this.#baseline().catch(() => 0);
    return (await this.#call('beginTrial', [baseline])) as { version: string; fromVersion: string };
  }

  async dropStaged(reason: string, detail?: string): Promise<boolean> {
    return (await this.#call('dropStaged', [reason, detail ?? null])) as boolean;
  }

  async acknowledgeEvents(count: number): Promise<void> {
    await this.#call('acknowledgeEvents', [count]);
  }

  async refresh(): Promise<void> {
    await this.#call('state', []);
  }

  /** Restart into the trial slot: the shell stops these services and starts the new ones. */
  async apply(): Promise<void> {
    await this.#call('apply', []);
  }

  /** The services are stopping: nothing will answer the calls in flight. */
  close(): void {
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(new Error('the services are stopping'));
    }
    this.#pending.clear();
  }

  #call(op: SlotOp, args: SlotsRequestMessage['args']): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new FleetError('slot-state-invalid', `the shell did not answer ${op}`));
      }, REPLY_TIMEOUT_MS);
      timer.unref();
      this.#pending.set(id, { resolve, reject, timer });
      this.#post({ type: 'slots', id, op, args });
    });
  }
}

function toError(error: SlotsReplyMessage['error']): Error {
  const code = error?.code ?? 'slot-state-invalid';
  const message = error?.message ?? 'the shell refused the step';
  return (FLEET_ERROR_CODES as readonly string[]).includes(code) ? new FleetError(code as FleetErrorCode, message) : new Error(message);
}
