/**
 * One diagnostics subcommand of `npm run devices -- …`. Each file in this
 * folder that exports `command` is picked up by scripts/devices.ts, so a new
 * device adds a file and touches nothing else.
 */
export interface DeviceCommand {
  /** Words that select it, e.g. ['id-card', 'read']. */
  path: string[];
  /** One line for the help. */
  summary: string;
  usage: string;
  /** Resolves with the process exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes shared by the device commands, for field engineers' scripts. */
export const EXIT = {
  ok: 0,
  /** Waited, nothing to read (no card, no scan). */
  nothingRead: 1,
  /** Device absent, unplugged, busy or not answering. */
  noDevice: 2,
  /** Device answered but the exchange or its data was wrong. */
  protocol: 3,
  usage: 64,
} as const;

/** Minimal `--name value` / `--flag` parser; unknown options are an error. */
export function parseOptions(
  args: string[],
  spec: Record<string, 'string' | 'number' | 'boolean'>,
): { options: Record<string, string | number | boolean>; error?: string } {
  const options: Record<string, string | number | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) return { options, error: `unexpected argument: ${arg}` };
    const name = m[1] as string;
    const kind = spec[name];
    if (!kind) return { options, error: `unknown option: --${name}` };
    if (kind === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) return { options, error: `--${name} needs a value` };
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) return { options, error: `--${name} must be a number, got ${value}` };
      options[name] = n;
    } else options[name] = value;
  }
  return { options };
}
