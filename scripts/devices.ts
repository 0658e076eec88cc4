/**
 * Diagnostics CLI for field engineers: `npm run devices -- <device> <verb> …`.
 * Subcommands live one per file in scripts/devices/ (see command.ts).
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXIT, type CommandIo, type DeviceCommand } from './devices/command';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadCommands(dir = join(here, 'devices')): Promise<DeviceCommand[]> {
  const files = (await readdir(dir)).filter((f) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
  const commands: DeviceCommand[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { command?: DeviceCommand };
    if (mod.command) commands.push(mod.command);
  }
  return commands;
}

function help(commands: DeviceCommand[]): string {
  const lines = ['Usage: npm run devices -- <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.path.join(' ').padEnd(22)} ${c.summary}`);
  lines.push('', 'Add --help after a command for its options.');
  return lines.join('\n');
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const commands = await loadCommands();
  const match = commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    const wanted = argv.length ? `unknown command: ${argv.join(' ')}\n\n` : '';
    io.err(wanted + help(commands));
    return argv.length && !['-h', '--help', 'help'].includes(argv[0] as string) ? EXIT.usage : EXIT.ok;
  }
  const rest = argv.slice(match.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${match.usage}`);
    return EXIT.ok;
  }
  return match.run(rest, io);
}

const io: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // A device handle left open must not keep a field engineer's terminal hanging.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (err: unknown) => {
      io.err(`devices: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 70;
    },
  );
}
