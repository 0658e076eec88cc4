/**
 * Configuration pushed by the backend through the `configuration` feed
 * (entries terminal-config:all, terminal-config:group:<registry code or
 * profile>, terminal-config:terminal:<id>, applied in that order, the more
 * specific winning). The result is checked with the local file's schema and
 * then against the world (every printer it names must answer), and applied
 * without a restart: the caller re-opens the devices whose settings changed.
 * An invalid or unappliable push keeps the configuration in force, and both
 * outcomes are reported to the backend with the reason.
 */
import { sm3Hex } from '../../crypto';
import { mergePushedConfig, type TerminalConfig } from '../../main/shared/config';

export type PrinterConfig = TerminalConfig['printers'][number];

export interface ConfigPushEvent {
  at: string;
  step: 'configuration-applied' | 'configuration-refused';
  /** config:<first 16 hex of SM3 of the pushed entries>, so a report names what it is about. */
  version: string;
  reason?: 'configuration-invalid' | 'configuration-unappliable';
  detail?: string;
}

export interface ConfigPushOptions {
  /** The configuration from the terminal's own file and environment. */
  local: TerminalConfig;
  terminalId: () => string | undefined;
  printerExists: (printer: PrinterConfig) => Promise<boolean>;
  /** Puts the configuration in force: re-open the devices of the changed keys. Throws if it cannot. */
  apply: (next: TerminalConfig, changed: string[]) => Promise<void>;
  report: (event: ConfigPushEvent) => void | Promise<void>;
  clock?: () => number;
}

export type ConfigPushOutcome =
  | { status: 'unchanged' }
  | { status: 'applied'; changed: string[]; version: string }
  | { status: 'refused'; reason: NonNullable<ConfigPushEvent['reason']>; detail: string; version: string };

export class ConfigurationPush {
  readonly #options: ConfigPushOptions;
  #current: TerminalConfig;
  /** The pushed entries last handled (applied or refused): the same push is not tried at every pull. */
  #lastVersion: string | undefined;

  constructor(options: ConfigPushOptions) {
    this.#options = options;
    this.#current = options.local;
  }

  current(): TerminalConfig {
    return this.#current;
  }

  /** Targets this terminal listens to, least specific first. */
  targets(): string[] {
    const local = this.#options.local;
    const id = this.#options.terminalId();
    return ['all', `group:${local.registryCode}`, `group:${local.profile}`, ...(id ? [`terminal:${id}`] : [])];
  }

  /** Called with the configuration feed's entries after each pull. */
  async update(entries: readonly { id: string; value: unknown }[]): Promise<ConfigPushOutcome> {
    const byTarget = new Map<string, unknown>();
    for (const entry of entries) {
      if (!entry.id.startsWith('terminal-config:')) continue;
      const value = entry.value as { target?: unknown; config?: unknown } | undefined;
      byTarget.set(entry.id.slice('terminal-config:'.length), value?.config);
    }
    const pushed = this.targets().filter((target) => byTarget.has(target)).map((target) => ({ target, config: byTarget.get(target) }));
    const version = `config:${sm3Hex(JSON.stringify(pushed)).slice(0, 16)}`;
    if (version === this.#lastVersion) return { status: 'unchanged' };
    this.#lastVersion = version;
    if (pushed.length === 0 && this.#current === this.#options.local) return { status: 'unchanged' };

    let merged: Record<string, unknown> = {};
    for (const { target, config } of pushed) {
      if (typeof config !== 'object' || config === null || Array.isArray(config)) return this.#refuse(version, 'configuration-invalid', `${target}: not a JSON object`);
      merged = { ...merged, ...(config as Record<string, unknown>) };
    }
    const result = mergePushedConfig(this.#options.local, merged);
    if (!result.ok) return this.#refuse(version, 'configuration-invalid', result.detail);
    const next = result.config;

    for (const printer of next.printers) {
      const known = this.#current.printers.some((candidate) => JSON.stringify(candidate) === JSON.stringify(printer));
      if (known) continue;
      let exists = false;
      try {
        exists = await this.#options.printerExists(printer);
      } catch {
        exists = false;
      }
      if (!exists) return this.#refuse(version, 'configuration-unappliable', `printer ${printer.id} (${printer.kind === 'ipp' ? printer.uri : printer.queue}) does not answer`);
    }

    const changed = Object.keys(next).filter((key) => JSON.stringify(next[key as keyof TerminalConfig]) !== JSON.stringify(this.#current[key as keyof TerminalConfig]));
    if (changed.length === 0) return { status: 'unchanged' };
    const previous = this.#current;
    try {
      await this.#options.apply(next, changed);
    } catch (error) {
      // Put back what worked; if even that fails, the report says so and the officer sees the devices' own status.
      await this.#options.apply(previous, changed).catch(() => undefined);
      return this.#refuse(version, 'configuration-unappliable', `applying failed: ${(error as Error).message}`);
    }
    this.#current = next;
    await this.#send({ at: this.#now(), step: 'configuration-applied', version, detail: changed.join(',') });
    return { status: 'applied', changed, version };
  }

  async #refuse(version: string, reason: NonNullable<ConfigPushEvent['reason']>, detail: string): Promise<ConfigPushOutcome> {
    await this.#send({ at: this.#now(), step: 'configuration-refused', version, reason, detail });
    return { status: 'refused', reason, detail, version };
  }

  async #send(event: ConfigPushEvent): Promise<void> {
    try {
      await this.#options.report(event);
    } catch {
      // Reporting is best effort here; the terminal's status report carries the configuration in force.
    }
  }

  #now(): string {
    return new Date((this.#options.clock ?? Date.now)()).toISOString();
  }
}
