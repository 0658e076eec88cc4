// The Debian packages in scripts/system-packages.txt, checked before `npm start`
// and `npm test` (from ensure-installed.cjs) so a fresh Debian/UOS/Kylin machine
// needs no separate set-up step: missing packages are installed with apt-get
// (through sudo when not root), or the run stops at once naming what is
// missing and the one command that installs it. Runs with the machine's own
// Node (20 or later), so it is CommonJS with no dependencies.
'use strict';
const { spawnSync } = require('node:child_process');
const { accessSync, constants, readFileSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const LIST = join(__dirname, 'system-packages.txt');
const SKIP_VARIABLE = 'WT_SKIP_SYSTEM_PACKAGES';

/** Package names, one a line; `#` starts a comment. */
function readPackageList(file = LIST) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function findCommand(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The listed packages dpkg does not report as installed. */
function missingPackages(names, env) {
  // dpkg-query exits 1 when any name is unknown but still lists the others.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package}\\t${db:Status-Abbrev}\\n', ...names], { env, encoding: 'utf8' });
  if (result.error) throw result.error;
  const installed = new Set();
  for (const line of result.stdout.split('\n')) {
    const [name, status] = line.split('\t');
    // Status abbreviation: desired, current, error; current 'i' means installed.
    if (name && status && status[1] === 'i') installed.add(name);
  }
  return names.filter((name) => !installed.has(name));
}

function installCommand(missing, asRoot) {
  return `${asRoot ? '' : 'sudo '}apt-get update && ${asRoot ? '' : 'sudo '}apt-get install -y ${missing.join(' ')}`;
}

/**
 * Checks the list and installs what is missing. Returns `{ ok: true, installed }`
 * or `{ ok: false, message }`; never throws for an expected machine state.
 * Options exist so tests can run it against fake dpkg-query/apt-get/sudo.
 */
function ensureSystemPackages({
  env = process.env,
  uid = typeof process.getuid === 'function' ? process.getuid() : -1,
  interactive = Boolean(process.stdin.isTTY),
  list = LIST,
  log = (line) => process.stderr.write(line + '\n'),
} = {}) {
  if (env[SKIP_VARIABLE] === '1') return { ok: true, installed: [] };
  const names = readPackageList(list);
  const asRoot = uid === 0;
  if (!findCommand('dpkg-query', env) || !findCommand('apt-get', env)) {
    return {
      ok: false,
      message:
        `This machine has no dpkg-query/apt-get, so the Debian packages the terminal needs cannot be checked: ${names.join(' ')}.\n` +
        `On Debian, UOS or Kylin install them with: ${installCommand(names, asRoot)}\n` +
        `Elsewhere install their equivalents and run again with ${SKIP_VARIABLE}=1.`,
    };
  }
  const missing = missingPackages(names, env);
  if (missing.length === 0) return { ok: true, installed: [] };

  const command = installCommand(missing, asRoot);
  let prefix;
  if (asRoot) prefix = [];
  else if (findCommand('sudo', env)) prefix = interactive ? ['sudo'] : ['sudo', '-n'];
  else return { ok: false, message: `Missing Debian packages: ${missing.join(' ')}.\nInstall them as root with: ${command.replaceAll('sudo ', '')}` };

  log(`Installing missing Debian packages: ${missing.join(' ')}`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const [file, ...rest] = [...prefix, 'apt-get', ...args];
    const result = spawnSync(file, rest, { env: aptEnv, stdio: ['inherit', 'inherit', 'inherit'] });
    if (result.error || result.status !== 0) {
      return { ok: false, message: `Could not install the missing Debian packages (${missing.join(' ')}): \`${[file, ...rest].join(' ')}\` failed.\nInstall them with: ${command}` };
    }
  }
  const still = missingPackages(names, env);
  if (still.length > 0) return { ok: false, message: `Still missing after apt-get install: ${still.join(' ')}.\nInstall them with: ${installCommand(still, asRoot)}` };
  return { ok: true, installed: missing };
}

module.exports = { ensureSystemPackages, readPackageList, SKIP_VARIABLE };

if (require.main === module) {
  const result = ensureSystemPackages();
  if (!result.ok) {
    process.stderr.write(result.message + '\n');
    process.exit(1);
  }
}
