/**
 * The set-up check run before `npm start` and `npm test`, against stand-ins
 * for dpkg-query, apt-get, sudo and npm on PATH (a shell script each): a
 * package dpkg does not report is installed through apt-get (after an
 * update), through sudo when not root, and otherwise the run stops naming it
 * with the command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { ensureSystemPackages } = require('./system-packages.cjs') as {
  ensureSystemPackages(options: Record<string, unknown>): { ok: true; installed: string[] } | { ok: false; message: string };
};

const SH = existsSync('/bin/sh') ? '/bin/sh' : '/usr/bin/sh';
let dir: string;
let bin: string;
let db: string;
let calls: string;

/** A fake command: a shell script that records its arguments, then runs `body`. */
function fake(name: string, body: string): void {
  const file = join(bin, name);
  writeFileSync(file, `#!${SH}\nprintf '%s\\n' "${name} $*" >> "${calls}"\n${body}\n`);
  chmodSync(file, 0o755);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wt-syspkg-'));
  bin = join(dir, 'bin');
  mkdirSync(bin);
  db = join(dir, 'installed');
  calls = join(dir, 'calls');
  writeFileSync(calls, '');
  writeFileSync(join(dir, 'list.txt'), '# comment\nsocat\nsane-utils # scanner\nchromium\n');
  writeFileSync(db, 'chromium\nsane-utils\n');
  // Like dpkg-query -W -f=…: a line per installed name, an error and exit 1 for any unknown one.
  fake(
    'dpkg-query',
    `shift 2; rc=0
for p in "$@"; do
  found=0
  while read -r line; do [ "$line" = "$p" ] && found=1; done < "${db}"
  if [ $found = 1 ]; then printf '%s\\tii \\n' "$p"; else echo "dpkg-query: no packages found matching $p" >&2; rc=1; fi
done
exit $rc`,
  );
  // "Installs" by adding the names after `install` and its options to the fake database.
  fake('apt-get', `if [ "$1" = install ]; then for p in "$@"; do case "$p" in install|-*) ;; *) echo "$p" >> "${db}";; esac; done; fi`);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (options: Record<string, unknown>) =>
  ensureSystemPackages({ env: { PATH: bin }, list: join(dir, 'list.txt'), interactive: false, log: () => undefined, ...options });
const recorded = () => readFileSync(calls, 'utf8').trim().split('\n').filter((line) => !line.startsWith('dpkg-query'));

describe('system packages before npm start / npm test', () => {
  it('does nothing when every package is installed', () => {
    writeFileSync(db, 'socat\nsane-utils\nchromium\n');
    expect(run({ uid: 1000 })).toEqual({ ok: true, installed: [] });
    expect(recorded()).toEqual([]);
  });

  it('as root installs the missing package with apt-get after an update', () => {
    expect(run({ uid: 0 })).toEqual({ ok: true, installed: ['socat'] });
    expect(recorded()).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends socat']);
  });

  it('not root, installs through sudo (without prompting when there is no terminal)', () => {
    fake('sudo', 'cmd="$1"; shift; [ "$cmd" = -n ] && { cmd="$1"; shift; }; exec "$cmd" "$@"');
    expect(run({ uid: 1000 })).toEqual({ ok: true, installed: ['socat'] });
    expect(recorded()).toEqual([
      'sudo -n apt-get update -qq',
      'apt-get update -qq',
      'sudo -n apt-get install -y -qq --no-install-recommends socat',
      'apt-get install -y -qq --no-install-recommends socat',
    ]);
  });

  it('not root and no sudo: stops at once naming the package and the command', () => {
    const result = run({ uid: 1000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('Missing Debian packages: socat');
    expect(result.message).toContain('apt-get update && apt-get install -y socat');
    expect(recorded()).toEqual([]);
  });

  it('when apt-get fails, stops naming the package and the command', () => {
    fake('sudo', 'exit 1');
    const result = run({ uid: 1000 });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('sudo apt-get update && sudo apt-get install -y socat');
  });

  it('on a machine without dpkg/apt-get, lists every package and the Debian command', () => {
    rmSync(join(bin, 'dpkg-query'));
    const result = run({ uid: 0 });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) {
      expect(result.message).toContain('socat sane-utils chromium');
      expect(result.message).toContain('WT_SKIP_SYSTEM_PACKAGES=1');
    }
  });
});

describe('ensure-installed.cjs, as npm runs it', () => {
  /** A copy of the project's set-up scripts in a scratch root whose lock file wants `left-pad`. */
  function scratchRoot(): string {
    const root = join(dir, 'project');
    mkdirSync(join(root, 'scripts'), { recursive: true });
    for (const file of ['ensure-installed.cjs', 'system-packages.cjs']) copyFileSync(join(import.meta.dirname, file), join(root, 'scripts', file));
    writeFileSync(join(root, 'scripts', 'system-packages.txt'), 'socat\n');
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages: { '': {}, 'node_modules/left-pad': { version: '1.3.0' } } }));
    fake('npm', '');
    return root;
  }
  const ensure = (root: string) =>
    spawnSync(process.execPath, [join(root, 'scripts', 'ensure-installed.cjs')], { env: { PATH: bin }, encoding: 'utf8' });

  it('installs a missing system package, then the npm dependencies', () => {
    const root = scratchRoot();
    writeFileSync(db, '');
    const result = ensure(root);
    expect(result.status).toBe(0);
    const steps = readFileSync(calls, 'utf8').trim().split('\n').filter((line) => !line.startsWith('dpkg-query'));
    // Run as whoever runs the tests: root calls apt-get directly, others through sudo (absent here → stop).
    if (process.getuid?.() === 0) expect(steps).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends socat', 'npm ci --no-audit --no-fund']);
    else expect(result.stderr).toContain('Missing Debian packages: socat');
  });

  it('stops before npm when a system package cannot be checked', () => {
    const root = scratchRoot();
    rmSync(join(bin, 'dpkg-query'));
    const result = ensure(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no dpkg-query/apt-get');
    expect(readFileSync(calls, 'utf8')).not.toContain('npm ci');
  });

  it('never runs npm ci through a node_modules link (it would empty the shared install)', () => {
    const root = scratchRoot();
    writeFileSync(db, 'socat\n');
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', '.package-lock.json'), JSON.stringify({ packages: {} }));
    symlinkSync(join(dir, 'shared'), join(root, 'node_modules'));
    const result = ensure(root);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('left-pad');
    expect(readFileSync(calls, 'utf8')).not.toContain('npm ci');
  });

  it('does not reinstall npm dependencies when only the lock file’s age changed', () => {
    const root = scratchRoot();
    writeFileSync(db, 'socat\n');
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/left-pad': { version: '1.3.0' } } }));
    writeFileSync(join(root, 'package-lock.json'), readFileSync(join(root, 'package-lock.json')));
    expect(ensure(root).status).toBe(0);
    expect(readFileSync(calls, 'utf8')).not.toContain('npm ci');
  });
});
