/**
 * The Electron entry's start-up refusals, run against a stand-in for the
 * Electron API (no Electron binary here): a packaged terminal without an
 * https backend or with an unprotecting credential store shows the refusal
 * dialog and exits before any service or window exists.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({
  isPackaged: true,
  storageBackend: 'gnome_libsecret',
  exits: [] as number[],
  dialogs: [] as string[],
  menus: [] as unknown[],
  windows: 0,
}));

vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return shell.isPackaged;
    },
    requestSingleInstanceLock: () => true,
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    on: () => undefined,
    exit: (code: number) => shell.exits.push(code),
  },
  dialog: { showErrorBox: (_title: string, content: string) => shell.dialogs.push(content) },
  Menu: { setApplicationMenu: (menu: unknown) => shell.menus.push(menu) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => shell.storageBackend,
  },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  session: { defaultSession: {} },
  ipcMain: { handle: () => undefined },
  BrowserWindow: class {
    constructor() {
      shell.windows += 1;
      throw new Error('this test expects no window');
    }
  },
}));

const savedEnv = { ...process.env };
let dataDir: string;

beforeEach(() => {
  vi.resetModules();
  Object.assign(shell, { isPackaged: true, storageBackend: 'gnome_libsecret', exits: [], dialogs: [], menus: [], windows: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'wt-electron-'));
  for (const key of Object.keys(process.env)) if (key.startsWith('TERMINAL_')) delete process.env[key];
  process.env.TERMINAL_DATA_DIR = dataDir;
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  // Every case here refuses, and the refusal is logged: wait for the line so the log stream is done with the directory.
  const log = join(dataDir, 'logs', 'terminal.log');
  await vi.waitFor(() => expect(existsSync(log) && readFileSync(log, 'utf8')).toContain('start-up refused'));
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  rmSync(dataDir, { recursive: true, force: true });
});

async function startEntry(): Promise<void> {
  await import('./main');
  await vi.waitFor(() => expect(shell.exits.length + shell.windows).toBeGreaterThan(0));
}

describe('packaged Electron start-up', () => {
  it('refuses to start without a backend URL, naming the setting, and starts nothing', async () => {
    await startEntry();
    expect(shell.exits).toEqual([1]);
    expect(shell.windows).toBe(0);
    expect(shell.dialogs[0]).toContain('本终端没有设置中心系统地址');
    expect(shell.dialogs[0]).toContain('backendUrl');
  });

  it('refuses plain http to the backend', async () => {
    process.env.TERMINAL_BACKEND_URL = 'http://backend.example.gov.cn';
    await startEntry();
    expect(shell.exits).toEqual([1]);
    expect(shell.dialogs[0]).toContain('http://backend.example.gov.cn');
  });

  it('refuses the basic_text credential store on Linux', async () => {
    process.env.TERMINAL_BACKEND_URL = 'https://backend.example.gov.cn';
    shell.storageBackend = 'basic_text';
    await startEntry();
    expect(shell.exits).toEqual([1]);
    expect(shell.windows).toBe(0);
    expect(shell.dialogs[0]).toContain('密钥环');
  });

  it('takes an administrator-provisioned key file instead of the keyring, and refuses an unsafe one naming the setting', async () => {
    process.env.TERMINAL_BACKEND_URL = 'https://backend.example.gov.cn';
    shell.storageBackend = 'basic_text';
    const keyFile = join(dataDir, 'provisioned.key');
    writeFileSync(keyFile, '00'.repeat(32), { mode: 0o644 });
    process.env.TERMINAL_DATA_KEY_FILE = keyFile;
    await startEntry();
    expect(shell.exits).toEqual([1]);
    expect(shell.windows).toBe(0);
    expect(shell.dialogs[0]).toContain('dataKeyFile');
    expect(shell.dialogs[0]).not.toContain('basic_text');
  });

  it('built without release keys, refuses to start (fail closed), whatever key the environment offers', async () => {
    process.env.TERMINAL_BACKEND_URL = 'https://backend.example.gov.cn';
    const keyFile = join(dataDir, 'provisioned.key');
    writeFileSync(keyFile, '00'.repeat(32), { mode: 0o600 });
    process.env.TERMINAL_DATA_KEY_FILE = keyFile;
    process.env.TERMINAL_RELEASE_KEYS = `04${'11'.repeat(64)}`;
    await startEntry();
    expect(shell.exits).toEqual([1]);
    expect(shell.windows).toBe(0);
    expect(shell.dialogs[0]).toContain('发布公钥');
    expect(shell.dialogs[0]).toContain('RELEASE_PUBLIC_KEYS');
  });

  it('has no default application menu', async () => {
    await startEntry();
    expect(shell.menus).toEqual([null]);
  });
});
