/**
 * What ships is what is tested: builds the main-process bundles (Electron
 * entry, web host, services process) exactly as `electron-vite build` does,
 * in memory, and reads every module id that went into them. No simulator,
 * no reference backend, nothing from fixtures/ may be among them.
 */
import { resolve, relative, sep } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

async function mainBundleModules(): Promise<{ entries: string[]; modules: string[] }> {
  const resolved = await resolveConfig({ root, configFile: resolve(root, 'electron.vite.config.ts'), logLevel: 'silent' }, 'build', 'production');
  const main = resolved.config?.main;
  if (!main) throw new Error('electron.vite.config.ts has no main build');
  const output = (await build({ ...main, logLevel: 'silent', build: { ...main.build, write: false, emptyOutDir: false } })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const modules = new Set<string>();
  for (const chunk of chunks) for (const id of chunk.moduleIds) modules.add(relative(root, id.replace(/^\0/, '')).split(sep).join('/'));
  return { entries: chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName), modules: [...modules] };
}

describe('the production main bundle', () => {
  it('builds the Electron entry, the web host, the services process and its slot loader, with no module from fixtures/', async () => {
    const { entries, modules } = await mainBundleModules();
    // The SM worker thread's entry (crypto/worker/spawn.ts imports it with `?nodeWorker`) is its own chunk.
    expect(entries.filter((name) => /^chunks\/sm-worker-[\w-]+\.js$/.test(name))).toHaveLength(1);
    expect(entries.filter((name) => !name.startsWith('chunks/sm-worker-')).sort()).toEqual(['electron.js', 'services.js', 'slot-services.js', 'web-host.js']);
    expect(modules).toContain('crypto/worker/sm-worker.ts');
    // Our own code is there (so the check below looks at real module ids), and the drivers are in the services.
    expect(modules).toContain('services/entry.ts');
    expect(modules).toContain('drivers/signature-pad/bridge-transport.ts');
    expect(modules.filter((id) => id.startsWith('fixtures/') || id.includes('/fixtures/'))).toEqual([]);
  }, 120_000);
});
