/**
 * Bundles a child-process entry with esbuild so each of the hundreds of
 * restarts costs one plain `node` start instead of a TypeScript compile.
 * Only the native module stays external; bundling axios and zod saves most of
 * the start-up time, which is spent resolving their many files.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['better-sqlite3'],
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
};

/**
 * electron-vite's `?nodeWorker` import (crypto/worker/spawn.ts): the worker
 * entry becomes its own bundle beside the output, and the import a factory
 * that starts it.
 */
function nodeWorker(outDir: string): Plugin {
  return {
    name: 'node-worker',
    setup(builder) {
      builder.onResolve({ filter: /\?nodeWorker$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?nodeWorker$/, '')), namespace: 'node-worker' }));
      builder.onLoad({ filter: /.*/, namespace: 'node-worker' }, async (args) => {
        const file = `${basename(args.path)}.mjs`;
        await build({ ...common, entryPoints: [`${args.path}.ts`], outfile: join(outDir, file) });
        return {
          contents: `import { Worker } from 'node:worker_threads'; export default (options) => new Worker(new URL(${JSON.stringify(`./${file}`)}, import.meta.url), options);`,
          loader: 'js',
        };
      });
    },
  };
}

export async function bundleEntry(entry: string, name: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'sync-tests');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.mjs`);
  await build({ ...common, entryPoints: [join(root, entry)], outfile, plugins: [nodeWorker(outDir)] });
  return outfile;
}
