// Lint: TypeScript and Vue rules, plus the layer rules of the architecture
// guide (each layer imports only downward) enforced by eslint-plugin-boundaries.
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

/**
 * Layers by folder. `main-electron` is the only place besides the preload allowed to import Electron. The window
 * side (`main-*`) reaches the services only through the supervisor's port; the services process (`services`) never
 * imports the window side except the plumbing both share (`main-shared`: configuration, logger, version).
 */
const layers = [
  { type: 'domain', pattern: 'domain' },
  { type: 'contract', pattern: 'contract' },
  { type: 'crypto', pattern: 'crypto' },
  { type: 'platform', pattern: 'platform' },
  { type: 'main-electron', pattern: 'main/electron' },
  { type: 'main-web-host', pattern: 'main/web-host' },
  { type: 'main-supervisor', pattern: 'main/supervisor' },
  { type: 'main-shared', pattern: 'main/shared' },
  { type: 'main-startup', pattern: 'main/startup' },
  { type: 'main-updater', pattern: 'main/updater' },
  { type: 'services-process', pattern: 'services' },
  { type: 'preload', pattern: 'preload' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'drivers', pattern: 'drivers' },
  { type: 'sync', pattern: 'sync' },
  { type: 'documents', pattern: 'documents' },
  { type: 'signing', pattern: 'signing' },
  { type: 'fixtures', pattern: 'fixtures' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'tests', pattern: 'tests' },
];

const services = ['drivers', 'sync', 'documents', 'signing'];
const allowed = [
  { from: 'domain', allow: ['domain'] },
  { from: 'contract', allow: ['domain', 'contract'] },
  { from: 'crypto', allow: ['crypto', 'platform'] },
  // Node helpers every Node-side layer may use (the one atomic write); imports nothing of ours.
  { from: 'platform', allow: ['platform'] },
  ...services.map((service) => ({ from: service, allow: ['domain', 'contract', 'crypto', 'platform', service] })),
  { from: 'renderer', allow: ['renderer', 'contract', 'domain'] },
  { from: 'preload', allow: ['preload', 'contract'] },
  { from: 'main-shared', allow: ['main-shared', 'contract', 'domain'] },
  { from: 'main-supervisor', allow: ['main-supervisor', 'main-shared', 'contract', 'domain'] },
  { from: 'main-startup', allow: ['main-startup', 'main-shared', 'contract', 'domain'] },
  // The shell's payload loader verifies SM2 manifests and SM3 file lists before any payload code runs, so it uses the
  // one crypto module (crypto/) and the release format in sync/fleet/ directly: nothing else of the window side does.
  // It also decides which payload the supervisor forks at each start (slot-supervisor.ts), so it composes the supervisor.
  { from: 'main-updater', allow: ['main-updater', 'main-supervisor', 'main-startup', 'main-shared', 'contract', 'domain', 'crypto', 'platform', 'sync'] },
  { from: 'main-web-host', allow: ['main-web-host', 'main-supervisor', 'main-startup', 'main-updater', 'main-shared', 'contract', 'domain'] },
  { from: 'main-electron', allow: ['main-electron', 'main-supervisor', 'main-startup', 'main-updater', 'main-shared', 'contract', 'domain', 'platform'] },
  /** No fixtures: simulators and the reference backend never enter the production bundle. */
  { from: 'services-process', allow: ['services-process', 'main-shared', 'contract', 'domain', 'crypto', 'platform', ...services] },
  { from: 'fixtures', allow: ['fixtures', 'domain', 'contract', 'crypto', 'platform', ...services] },
  { from: 'scripts', allow: ['scripts', 'domain', 'contract', 'crypto', 'platform', 'main-shared', 'main-supervisor', 'main-updater', 'fixtures', ...services] },
  { from: 'tests', allow: ['tests', 'domain', 'contract', 'crypto', 'platform', 'fixtures', 'main-shared', ...services] },
];

/**
 * Tests may also reach the real peers in fixtures/ (simulators, the reference backend), and a window-side test may
 * stand real services (a dispatcher, keys, a release) behind what it tests.
 */
const allowedInTests = allowed.map(({ from, allow }) => ({
  from,
  allow: [...new Set([...allow, 'fixtures', ...(from.startsWith('main-') ? ['services-process', ...services] : [])])],
}));

function layerRule(policies) {
  return [
    'error',
    {
      default: 'disallow',
      policies: policies.map(({ from, allow }) => ({
        from: { element: { type: from } },
        allow: { to: { element: { types: { anyOf: allow } } } },
      })),
    },
  ];
}

const electronOnlyInShell = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only main/electron and the preload may import Electron.' }] },
  ],
};

/** One adapter per device library: serialport, node-hid and smartcard are imported by one file each in drivers/. */
const oneAdapterPerDeviceLibrary = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'Only main/electron and the preload may import Electron.' },
        { name: 'serialport', message: 'Open serial ports through drivers/serial/port.ts.' },
        { name: 'node-hid', message: 'Load node-hid through drivers/hid/node-hid.ts.' },
        { name: 'smartcard', message: 'Reach PC/SC through drivers/social-security-card/transport.ts.' },
      ],
    },
  ],
};

/** Node built-ins are banned where code must run in the sandboxed renderer or anywhere (domain). */
const noNodeBuiltins = {
  'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'This layer must not use Node APIs.' }] }],
};

/**
 * Electron bundles BoringSSL: node:crypto has no SM2/SM3/SM4 there, so
 * production code takes them from crypto/ (pure JavaScript). node:crypto's
 * SM algorithms stay available to tests and fixtures as an oracle.
 */
const smAlgorithm = "/^(sm[234]|.*-sm3)($|-)/i";
const smCallee = (name) =>
  `CallExpression[callee.name=${name}][arguments.0.value=${smAlgorithm}], CallExpression[callee.property.name=${name}][arguments.0.value=${smAlgorithm}]`;
const noNodeSm = {
  'no-restricted-syntax': [
    'error',
    ...['createHash', 'hash', 'createHmac', 'hkdf', 'hkdfSync', 'pbkdf2', 'pbkdf2Sync', 'createSign', 'createVerify', 'sign', 'verify', 'createCipheriv', 'createDecipheriv', 'generateKeyPair', 'generateKeyPairSync'].map((name) => ({
      selector: smCallee(name),
      message: `node:crypto's ${name} has no SM algorithms inside Electron (BoringSSL): use crypto/ (sm3Hex, hmacSm3, hkdfSm3, sm4Cbc*, sm4Ctr, sm2Sign/sm2Verify).`,
    })),
    {
      selector: "Property[key.name='namedCurve'][value.value=/^sm2$/i]",
      message: 'BoringSSL has no SM2 curve: generate and parse SM2 keys with crypto/ (generateSm2KeyPair) and signing/sm2-key.ts.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.py'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.vue', '.js'] } },
      'boundaries/elements': layers,
      'boundaries/include': ['**/*.ts', '**/*.vue'],
    },
    rules: {
      'boundaries/dependencies': layerRule(allowed),
      ...electronOnlyInShell,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // Benchmarks measure against OpenSSL as the baseline.
  { files: ['**/*.ts'], ignores: ['**/*.test.ts', '**/testing/**', 'fixtures/**', 'tests/**', 'scripts/bench/**'], rules: noNodeSm },
  { files: ['**/*.test.ts', '**/testing/**'], rules: { 'boundaries/dependencies': layerRule(allowedInTests) } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['drivers/**/*.ts'], ignores: ['drivers/serial/port.ts', 'drivers/hid/node-hid.ts', 'drivers/social-security-card/transport.ts'], rules: oneAdapterPerDeviceLibrary },
  { files: ['main/electron/**', 'preload/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['domain/**', 'renderer/**', 'preload/web-bridge.ts'], rules: noNodeBuiltins },
  { files: ['renderer/**', 'preload/**'], languageOptions: { globals: { ...globals.browser } } },
);
