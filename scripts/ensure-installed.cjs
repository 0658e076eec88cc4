// Runs before `npm start` and `npm test` with whatever Node is on the PATH, so
// a fresh clone needs no separate install step: it installs the Debian
// packages of system-packages.txt that are missing (or stops naming them and
// the command that installs them), then the locked npm dependencies when
// node_modules is missing or older than the lock file.
'use strict';
const { existsSync, lstatSync, readFileSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const { ensureSystemPackages } = require('./system-packages.cjs');

const system = ensureSystemPackages();
if (!system.ok) {
  process.stderr.write(system.message + '\n');
  process.exit(1);
}

const root = join(__dirname, '..');
const modules = join(root, 'node_modules');
const notInstalled = missingFromNodeModules();
if (notInstalled.length > 0) {
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    // `npm ci` would empty the linked directory (which other checkouts share) and
    // install here instead: leave a shared install alone and say what differs.
    process.stderr.write(`node_modules is a link to a shared install that lacks ${notInstalled.slice(0, 5).join(', ')}${notInstalled.length > 5 ? ' …' : ''}; run \`npm install\` where it points.\n`);
  } else {
    process.stdout.write('Installing dependencies (npm ci)…\n');
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1' } });
  }
}

/**
 * Locked packages that node_modules does not hold at the locked version, by
 * comparing the lock file with npm's record of what it installed (its content,
 * not its age: a checkout or rebase touches the lock file without changing it).
 * Optional packages are skipped: npm installs only those for this platform.
 */
function missingFromNodeModules() {
  const installedRecord = join(modules, '.package-lock.json');
  if (!existsSync(installedRecord)) return ['(nothing installed)'];
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedRecord, 'utf8')).packages ?? {};
  return Object.entries(locked)
    .filter(([path, entry]) => path !== '' && !entry.optional && installed[path]?.version !== entry.version)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
}
