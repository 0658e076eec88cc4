/**
 * Keeps the services process alive and relays the contract to it. Both window
 * sides (Electron's main and the web host) use this class; only the way the
 * process is forked differs (see ./services-process.ts).
 *
 * A dead services process is restarted with exponential backoff. Calls in
 * flight when it dies, and calls made while it restarts, are answered at once
 * with `services-restarting`: a caller never hangs. The renderer is told
 * through the `services.status` event, so it can say so and refresh what it
 * shows once the services serve again.
 */
import type { FromServices, ReadyMessage, ServicesState, StartMessage, ToServices } from '../../contract/services-port';
import type { Dispatch, EventSource, Reply } from '../../contract/wire';
import type { Logger } from '../../domain/logger';
import type { ForkServices, ServicesProcess } from './services-process';

export interface SupervisorOptions {
  /**
   * Asked again for each start: the shell's slot loader decides there which payload the services come from (and
   * counts a trial's starts), verifying it first, which may take a moment.
   */
  fork: ForkServices | (() => Promise<ServicesProcess>);
  /** What each services process is started with (asked again for each restart). */
  startMessage: () => StartMessage | Promise<StartMessage>;
  logger: Logger;
  /** Delay before the first restart, doubled for each restart that follows quickly, up to maxMs. */
  backoff?: { initialMs: number; maxMs: number };
  /** A process that served this long before dying counts as a first failure again. */
  stableAfterMs?: number;
  /** Told of every start, first and restarts (launchers print the pid). */
  onReady?: (ready: ReadyMessage) => void;
  /**
   * Heartbeat: a ping every `intervalMs`; a process that has answered none for `unresponsiveAfterMs` is hung (a
   * native call that never returns, a loop) and is killed, which restarts it like a crash. Generous by default: a
   * long synchronous step (a large PDF) must not count as a hang.
   */
  heartbeat?: { intervalMs: number; unresponsiveAfterMs: number };
  /** Messages that are not the contract's (the update agent's slots requests, health answers). */
  onServiceMessage?: (message: Extract<FromServices, { type: 'slots' | 'health-reply' }>) => void;
}

type Sink = (event: string, payload: unknown) => void;
type State = 'idle' | 'starting' | ServicesState | 'stopped';

const RESTARTING: Reply = { ok: false, error: { code: 'services-restarting', message: 'the services process is restarting' } };

export class ServicesSupervisor {
  readonly events: EventSource = { connect: (sink) => this.#connect(sink) };
  #state: State = 'idle';
  #process: ServicesProcess | undefined;
  readonly #pending = new Map<number, (reply: Reply) => void>();
  readonly #sinks = new Set<Sink>();
  #nextId = 1;
  #restarts = 0;
  #readyAt = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #backoff: { initialMs: number; maxMs: number };
  readonly #stableAfterMs: number;
  readonly #heartbeat: { intervalMs: number; unresponsiveAfterMs: number };

  constructor(private readonly options: SupervisorOptions) {
    this.#backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
    this.#stableAfterMs = options.stableAfterMs ?? 30_000;
    this.#heartbeat = options.heartbeat ?? { intervalMs: 5_000, unresponsiveAfterMs: 30_000 };
  }

  /** The first start: fails (with the services' own words) if the services cannot start at all. */
  async start(): Promise<ReadyMessage> {
    if (this.#state !== 'idle') throw new Error('the supervisor starts once');
    this.#state = 'starting';
    try {
      return await this.#launch();
    } catch (error) {
      // May be tried again (the slot loader falls back after a trial's failed starts).
      if (this.#state === 'starting') this.#state = 'idle';
      throw error;
    }
  }

  get state(): State {
    return this.#state;
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  readonly dispatch: Dispatch = (method, params) => {
    const child = this.#process;
    if (this.#state !== 'ready' || !child) return Promise.resolve(RESTARTING);
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'rpc-unknown-method', message: `unknown method ${String(method).slice(0, 80)}` } });
    }
    const id = this.#nextId++;
    return new Promise<Reply>((resolve) => {
      this.#pending.set(id, resolve);
      try {
        child.send({ type: 'request', id, method, params });
      } catch (error) {
        this.#pending.delete(id);
        resolve({ ok: false, error: { code: 'rpc-malformed-message', message: `the call cannot be relayed: ${(error as Error).message}` } });
      }
    });
  };

  /**
   * Sends a message that is not a contract call (slots replies, health requests) to the current process, serving or
   * still starting (its update agent starts while the services compose).
   */
  send(message: ToServices): boolean {
    const child = this.#process;
    if (this.#state === 'stopped' || !child) return false;
    child.send(message);
    return true;
  }

  /**
   * Stops the serving process and starts a new one (the fork decides from which payload): how an update is applied,
   * or rolled back, without restarting the window. Calls meanwhile get `services-restarting`.
   */
  async restart(graceMs = 5_000): Promise<ReadyMessage> {
    if (this.#state === 'stopped' || this.#state === 'idle') throw new Error(`cannot restart the services while ${this.#state}`);
    clearTimeout(this.#timer);
    this.#state = 'restarting';
    this.#fanOut('services.status', { state: 'restarting' });
    const child = this.#process;
    this.#process = undefined;
    for (const settle of this.#pending.values()) settle(RESTARTING);
    this.#pending.clear();
    if (child) {
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill(), graceMs);
        child.onExit(() => {
          clearTimeout(killer);
          resolve();
        });
        child.send({ type: 'stop' });
      });
    }
    this.#restarts = 0;
    return this.#launch().catch((error: unknown) => {
      this.options.logger.error('services process failed to start after a switch', { detail: (error as Error).message });
      this.#scheduleRestart();
      throw error;
    });
  }

  /** Asks the services to close their stores and devices; kills them if they take too long. */
  async stop(graceMs = 5_000): Promise<void> {
    const previous = this.#state;
    this.#state = 'stopped';
    clearTimeout(this.#timer);
    const child = this.#process;
    if (!child || previous === 'idle') return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill(), graceMs);
      child.onExit(() => {
        clearTimeout(killer);
        resolve();
      });
      child.send({ type: 'stop' });
    });
  }

  async #launch(): Promise<ReadyMessage> {
    const child = await this.options.fork();
    if (this.#state === 'stopped') {
      child.kill();
      throw new Error('the supervisor stopped while the services were being started');
    }
    return new Promise<ReadyMessage>((resolve, reject) => {
      this.#process = child;
      let ready = false;
      let failure: string | undefined;
      let heartbeat: NodeJS.Timeout | undefined;
      let lastHeard = Date.now();
      child.onMessage((message) => {
        if (this.#process !== child) return;
        lastHeard = Date.now();
        switch (message.type) {
          case 'ready': {
            ready = true;
            const restarted = this.#state === 'restarting';
            if (this.#state !== 'stopped') this.#state = 'ready';
            this.#readyAt = Date.now();
            this.options.logger.info('services process ready', { pid: message.pid, restarts: this.#restarts });
            this.options.onReady?.(message);
            if (restarted) this.#fanOut('services.status', { state: 'ready' });
            heartbeat = this.#watch(child, () => lastHeard);
            resolve(message);
            return;
          }
          case 'pong':
            return;
          case 'failed':
            failure = message.message;
            return;
          case 'response': {
            const settle = this.#pending.get(message.id);
            this.#pending.delete(message.id);
            settle?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
            return;
          }
          case 'event':
            this.#fanOut(message.event, message.payload);
            return;
          case 'slots':
          case 'health-reply':
            this.options.onServiceMessage?.(message);
            return;
        }
      });
      child.onExit((code, signal) => {
        clearInterval(heartbeat);
        if (this.#process !== child) return;
        this.#process = undefined;
        for (const settle of this.#pending.values()) settle(RESTARTING);
        this.#pending.clear();
        if (!ready) reject(new Error(failure ?? `the services process ended (${signal ?? code}) before it was ready`));
        if (this.#state === 'stopped') return;
        this.options.logger.error('services process ended', { code, signal, ready });
        if (ready) this.#scheduleRestart();
      });
      Promise.resolve()
        .then(() => this.options.startMessage())
        .then(
          (start) => child.send(start),
          (error: unknown) => {
            failure = `cannot start the services: ${(error as Error).message}`;
            child.kill();
          },
        );
    });
  }

  /** Pings a serving process; kills it once it has been silent too long (its exit then restarts it). */
  #watch(child: ServicesProcess, lastHeard: () => number): NodeJS.Timeout {
    let pings = 0;
    const timer = setInterval(() => {
      const silentMs = Date.now() - lastHeard();
      if (silentMs >= this.#heartbeat.unresponsiveAfterMs) {
        this.options.logger.error('services process unresponsive: killing it', { pid: child.pid, silentMs });
        clearInterval(timer);
        child.kill();
        return;
      }
      child.send({ type: 'ping', id: (pings += 1) });
    }, this.#heartbeat.intervalMs);
    timer.unref();
    return timer;
  }

  #scheduleRestart(): void {
    if (this.#state === 'stopped') return;
    if (this.#state !== 'restarting') {
      this.#state = 'restarting';
      this.#fanOut('services.status', { state: 'restarting' });
      if (Date.now() - this.#readyAt >= this.#stableAfterMs) this.#restarts = 0;
    }
    const delay = Math.min(this.#backoff.maxMs, this.#backoff.initialMs * 2 ** this.#restarts);
    this.#restarts += 1;
    this.#timer = setTimeout(() => {
      if (this.#state === 'stopped') return;
      this.#launch().catch((error: unknown) => {
        this.options.logger.error('services process failed to restart', { detail: (error as Error).message });
        this.#scheduleRestart();
      });
    }, delay);
  }

  #connect(sink: Sink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  #fanOut(event: string, payload: unknown): void {
    for (const sink of this.#sinks) sink(event, payload);
  }
}
