/** `npm run fleet -- <command>`: see scripts/fleet/cli.ts. */
import { runFleet, UsageError } from './fleet/cli';

try {
  process.exitCode = await runFleet(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), env: process.env });
} catch (error) {
  process.stderr.write(`${error instanceof UsageError ? 'usage: ' : ''}${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
