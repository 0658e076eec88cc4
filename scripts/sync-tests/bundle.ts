/**
 * Bundles a child-process entry with esbuild so each of the hundreds of
 * restarts costs one plain `node` start instead of a TypeScript compile.
 * Only the native module stays external; bundling axios and zod saves most of
 * the start-up time, which is spent resolving their many files.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function bundleEntry(entry: string, name: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'sync-tests');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
