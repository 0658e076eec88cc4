import { defineConfig } from 'vitest/config';

const layers = '{domain,contract,crypto,platform,main,services,preload,drivers,sync,documents,signing,fixtures,renderer,scripts}';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: [`${layers}/**/*.test.ts`] } },
      {
        // The suites that compute SM2/SM3/SM4 again, with node:crypto's SM
        // algorithms taken away as Electron's BoringSSL has none of them
        // (crypto/testing/electron-crypto.ts). Tests and fixtures keep them as
        // the oracle; production code that still used them fails here.
        extends: true,
        test: {
          name: 'electron-crypto',
          include: ['{crypto,sync,signing}/**/*.test.ts'],
          setupFiles: ['crypto/testing/electron-crypto.ts'],
        },
      },
    ],
  },
});
