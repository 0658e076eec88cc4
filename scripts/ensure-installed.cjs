// Runs before `npm start` and `npm test` with whatever Node is on the PATH, so
// a fresh clone needs no separate install step: it installs the locked
// dependencies when node_modules is missing or older than the lock file.
'use strict';
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  process.stdout.write('Installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1' } });
}
