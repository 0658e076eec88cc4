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
  ...services.map((service) => ({ from: service, allow: ['domain', 'contract', service] })),
  { from: 'renderer', allow: ['renderer', 'contract', 'domain'] },
  { from: 'preload', allow: ['preload', 'contract'] },
  { from: 'main-shared', allow: ['main-shared', 'contract', 'domain'] },
  { from: 'main-supervisor', allow: ['main-supervisor', 'main-shared', 'contract', 'domain'] },
  { from: 'main-startup', allow: ['main-startup', 'main-shared', 'contract', 'domain'] },
  // The shell's payload loader verifies SM2 manifests and SM3 file lists before any payload code runs, so it uses the
  // one crypto module and the release format in sync/ (crypto/, fleet/) directly: nothing else of the window side does.
  { from: 'main-updater', allow: ['main-updater', 'main-shared', 'contract', 'domain', 'sync'] },
  { from: 'main-web-host', allow: ['main-web-host', 'main-supervisor', 'main-startup', 'main-updater', 'main-shared', 'contract', 'domain'] },
  { from: 'main-electron', allow: ['main-electron', 'main-supervisor', 'main-startup', 'main-updater', 'main-shared', 'contract', 'domain'] },
  /** No fixtures: simulators and the reference backend never enter the production bundle. */
  { from: 'services-process', allow: ['services-process', 'main-shared', 'contract', 'domain', ...services] },
  { from: 'fixtures', allow: ['fixtures', 'domain', 'contract', ...services] },
  { from: 'scripts', allow: ['scripts', 'domain', 'contract', 'main-shared', 'fixtures', ...services] },
  { from: 'tests', allow: ['tests', 'domain', 'contract', 'fixtures', 'main-shared', ...services] },
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

/** Node built-ins are banned where code must run in the sandboxed renderer or anywhere (domain). */
const noNodeBuiltins = {
  'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'This layer must not use Node APIs.' }] }],
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
  { files: ['**/*.test.ts', '**/testing/**'], rules: { 'boundaries/dependencies': layerRule(allowedInTests) } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['main/electron/**', 'preload/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['domain/**', 'renderer/**', 'preload/web-bridge.ts'], rules: noNodeBuiltins },
  { files: ['renderer/**', 'preload/**'], languageOptions: { globals: { ...globals.browser } } },
);
