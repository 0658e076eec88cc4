import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
// Release public keys pinned in the shell (main/updater/release-keys.ts): a production build must be given them.
const define = { __APP_VERSION__: JSON.stringify(version), __RELEASE_KEYS__: JSON.stringify(process.env.RELEASE_PUBLIC_KEYS ?? '') };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      // Native modules and every runtime dependency stay external: bundling
      // breaks the bindings' lookup of their .node files.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          electron: resolve(root, 'main/electron/main.ts'),
          'web-host': resolve(root, 'main/web-host/entry.ts'),
          // The services process: forked by the Electron entry (utilityProcess) and by the web host (child_process).
          services: resolve(root, 'services/entry.ts'),
          // Forked instead when the payload comes from an A/B slot: resolves the slot's imports of packages from the shell.
          'slot-services': resolve(root, 'main/updater/slot-services.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: it must be one bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [vue()],
    define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
          'web-bridge': resolve(root, 'preload/web-bridge.ts'),
        },
        output: {
          // The web host injects the bridge by a fixed name.
          entryFileNames: (chunk) => (chunk.name === 'web-bridge' ? 'assets/web-bridge.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
  },
});
