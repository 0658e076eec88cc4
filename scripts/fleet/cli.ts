/**
 * The admin's fleet CLI: `npm run fleet -- <command>` against the backend's
 * loopback admin API (FLEET_BACKEND_URL or --backend, default
 * http://127.0.0.1:8787).
 *
 *   keygen --out FILE                        make a release key pair; prints the public key to pin in the shell
 *   publish [DIR] --version V --channel canary|stable [--min-shell V] [--notes TEXT] [--key FILE]
 *                                            pack DIR (default out/), sign the manifest (key from --key or
 *                                            FLEET_RELEASE_KEY), upload; the release starts at 0 %
 *   promote VERSION --percent N              offer it to N % of terminals (deterministic by terminal id)
 *   halt VERSION                             stop offering and serving it
 *   status [--json]                          per release and per terminal
 *   config set TARGET FILE                   TARGET: all, group:NAME, or a terminal id; FILE is checked with
 *                                            the terminal's configuration schema before it is sent
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FleetAdmin } from '../../fixtures/backend/fleet/admin-client';
import type { FleetStatus } from '../../fixtures/backend/fleet/routes';
import { mergePushedConfig, type TerminalConfig } from '../../main/shared/config';
import { generateSm2KeyPair, type Sm2KeyPair } from '../../crypto';
import { buildRelease } from '../../sync/fleet/release-builder';
import { releaseKeyId, RELEASE_CHANNELS, type ReleaseChannel } from '../../sync/fleet/release-manifest';
import { isReleaseVersion } from '../../sync/fleet/version';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export class UsageError extends Error {}

export async function runFleet(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      backend: { type: 'string' },
      version: { type: 'string' },
      channel: { type: 'string', default: 'stable' },
      'min-shell': { type: 'string' },
      notes: { type: 'string', default: '' },
      key: { type: 'string' },
      percent: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const admin = new FleetAdmin(values.backend ?? io.env.FLEET_BACKEND_URL ?? 'http://127.0.0.1:8787');
  const [command, ...rest] = positionals;
  switch (command) {
    case 'keygen': {
      if (!values.out) throw new UsageError('keygen needs --out FILE');
      const keys = generateSm2KeyPair();
      writeFileSync(values.out, JSON.stringify(keys), { mode: 0o600 });
      chmodSync(values.out, 0o600);
      io.out(`release key written to ${values.out} (keep it offline)\npublic key to pin (build the shell with RELEASE_PUBLIC_KEYS=<it>; see main/updater/release-keys.ts):\n${keys.publicKey}\nkey id ${releaseKeyId(keys.publicKey)}\n`);
      return 0;
    }
    case 'publish': {
      const version = values.version ?? '';
      if (!isReleaseVersion(version)) throw new UsageError('publish needs --version MAJOR.MINOR.PATCH');
      if (!(RELEASE_CHANNELS as readonly string[]).includes(values.channel)) throw new UsageError('--channel is canary or stable');
      const keys = loadKey(values.key, io.env);
      const root = resolve(rest[0] ?? 'out');
      const work = mkdtempSync(join(tmpdir(), 'fleet-publish-'));
      try {
        const { signed, manifest, archive } = await buildRelease({
          root,
          version,
          channel: values.channel as ReleaseChannel,
          minShellVersion: values['min-shell'] ?? version,
          notes: values.notes,
          keys,
          archivePath: join(work, 'payload.tgz'),
        });
        await admin.publish(version, signed, archive);
        io.out(`published ${version} (${manifest.channel}) at 0 %: ${manifest.payload.files.length} files, ${archive.length} bytes, SM3 ${manifest.payload.sm3.slice(0, 16)}…, key ${manifest.keyId}\n`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      return 0;
    }
    case 'promote': {
      const percent = Number(values.percent);
      if (!rest[0] || !Number.isInteger(percent) || percent < 0 || percent > 100) throw new UsageError('promote VERSION --percent 0..100');
      await admin.promote(rest[0], percent);
      io.out(`${rest[0]} offered to ${percent} % of terminals\n`);
      return 0;
    }
    case 'halt': {
      if (!rest[0]) throw new UsageError('halt VERSION');
      await admin.halt(rest[0]);
      io.out(`${rest[0]} halted\n`);
      return 0;
    }
    case 'status': {
      const status = await admin.status();
      io.out(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status, Date.now()));
      return 0;
    }
    case 'config': {
      const [verb, target, file] = rest;
      if (verb !== 'set' || !target || !file) throw new UsageError('config set TARGET FILE');
      const config = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      // The same check the terminal makes, over a neutral local configuration: typos fail here, not on 2,000 counters.
      const neutral: TerminalConfig = { dataDir: '/', profile: 'reception-window', printers: [], registryCode: '310104', simulatedDevices: false, syncPullSeconds: 60 };
      const checked = mergePushedConfig(neutral, config);
      if (!checked.ok) throw new UsageError(`configuration refused: ${checked.detail}`);
      const resolved = target === 'all' || target.startsWith('group:') || target.startsWith('terminal:') ? target : `terminal:${target}`;
      await admin.setConfiguration(resolved, config);
      io.out(`configuration for ${resolved} pushed into the configuration feed\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${command ?? ''}; commands: keygen, publish, promote, halt, status, config set`);
  }
}

function loadKey(file: string | undefined, env: NodeJS.ProcessEnv): Sm2KeyPair {
  const text = file ? readFileSync(file, 'utf8') : env.FLEET_RELEASE_KEY;
  if (!text) throw new UsageError('the release key comes from --key FILE or FLEET_RELEASE_KEY');
  const keys = JSON.parse(text) as Partial<Sm2KeyPair>;
  if (!/^[0-9a-f]{64}$/i.test(keys.privateKey ?? '') || !/^04[0-9a-f]{128}$/i.test(keys.publicKey ?? '')) throw new UsageError('release key must be {"privateKey": 64 hex, "publicKey": 130 hex}');
  return keys as Sm2KeyPair;
}

export function formatStatus(status: FleetStatus, now: number): string {
  const lines: string[] = [];
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
    for (const row of [header, ...rows]) lines.push(row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd());
  };
  table(
    ['version', 'channel', 'share', 'on it', 'pending', 'updated', 'rolled back', 'refused', 'recalled', 'served'],
    status.releases.map((release) => [
      release.version,
      release.channel,
      release.halted ? 'halted' : `${release.percent} %`,
      String(release.terminalsOn),
      String(release.pending),
      String(release.updated),
      summarise(release.rolledBack),
      summarise(release.refused),
      String(release.recalled.length),
      `${(release.bytesDownloaded / 1024).toFixed(0)} KiB`,
    ]),
  );
  lines.push('');
  table(
    ['terminal', 'version', 'profile', 'health', 'queue', 'update', 'configuration', 'last seen'],
    status.terminals.map((terminal) => [
      terminal.terminalId,
      terminal.version ?? '-',
      terminal.profile ?? '-',
      terminal.health ?? '-',
      terminal.queueDepth === null ? '-' : String(terminal.queueDepth),
      terminal.updateState ?? '-',
      terminal.configuration ? `${terminal.configuration.step.replace('configuration-', '')}${terminal.configuration.reason ? ` (${terminal.configuration.reason})` : ''}` : '-',
      `${Math.max(0, Math.round((now - terminal.lastSeen) / 1000))} s ago`,
    ]),
  );
  return `${lines.join('\n')}\n`;
}

function summarise(entries: { reason: string | null }[]): string {
  if (entries.length === 0) return '0';
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.reason ?? '?', (counts.get(entry.reason ?? '?') ?? 0) + 1);
  return `${entries.length} (${[...counts].map(([reason, count]) => `${reason} ×${count}`).join(', ')})`;
}
