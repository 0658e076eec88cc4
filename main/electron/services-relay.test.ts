/**
 * The Electron entry with its services process, against a stand-in for the
 * Electron API (no Electron binary here) whose `utilityProcess.fork` starts
 * the real services entry as a Node child: the entry unseals the data key and
 * hands it over the port (no clear key file is ever written), relays trusted
 * IPC calls and the services' events to the window, refuses untrusted
 * senders, and survives a SIGKILL of the services process.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';

const shell = vi.hoisted(() => ({
  ipc: undefined as undefined | ((event: unknown, method: unknown, params?: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>),
  sent: [] as { channel: string; event: string; payload: unknown }[],
  forked: [] as { path: string; pid: number | undefined }[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  exits: [] as number[],
  window: undefined as undefined | { webContents: unknown },
}));

vi.mock('electron', async () => {
  const { fork } = await import('node:child_process');
  const { EventEmitter } = await import('node:events');
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const mainFrame = { url: 'app://terminal/index.html' };
  const webContents = {
    mainFrame,
    send: (channel: string, event: string, payload: unknown) => shell.sent.push({ channel, event, payload }),
    on: () => undefined,
    setWindowOpenHandler: () => undefined,
  };
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => undefined,
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      on: (name: string, handler: (...args: unknown[]) => void) => shell.appHandlers.set(name, handler),
      exit: (code: number) => shell.exits.push(code),
    },
    Menu: { setApplicationMenu: () => undefined },
    dialog: { showErrorBox: () => undefined },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => xor(Buffer.from(plain)),
      decryptString: (sealed: Buffer) => xor(sealed).toString(),
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, setDevicePermissionHandler: () => undefined } },
    ipcMain: { handle: (_channel: string, handler: typeof shell.ipc) => (shell.ipc = handler) },
    BrowserWindow: class {
      webContents = webContents;
      constructor() {
        shell.window = this;
      }
      isDestroyed = () => false;
      once = () => undefined;
      on = () => undefined;
      loadURL = () => Promise.resolve();
    },
    // Electron's utility process, played by a Node child running the services entry from source: same port messages.
    utilityProcess: {
      fork: (path: string) => {
        const child = fork(resolve(import.meta.dirname, '../../services/entry.ts'), [], { serialization: 'advanced', execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        shell.forked.push({ path, pid: child.pid });
        const utility = Object.assign(new EventEmitter(), {
          pid: child.pid,
          postMessage: (message: unknown) => child.connected && child.send(message as never),
          kill: () => child.kill('SIGKILL'),
        });
        child.on('message', (message) => utility.emit('message', message));
        child.on('exit', (code) => utility.emit('exit', code ?? 1));
        return utility;
      },
    },
  };
});

let dataDir: string;
let backend: ReferenceBackend;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wt-electron-relay-'));
  backend = await startReferenceBackend({ dataDir: join(dataDir, 'backend'), port: 0 });
  for (const key of Object.keys(process.env)) if (key.startsWith('TERMINAL_')) delete process.env[key];
  process.env.TERMINAL_DATA_DIR = join(dataDir, 'terminal');
  process.env.TERMINAL_BACKEND_URL = backend.url;
  await import('./main');
  await vi.waitFor(() => expect(shell.ipc).toBeDefined(), { timeout: 60_000, interval: 50 });
}, 90_000);

afterAll(async () => {
  shell.appHandlers.get('will-quit')?.({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(shell.exits).toEqual([0]), { timeout: 20_000 });
  await backend.close();
  process.env = { ...savedEnv };
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const trusted = () => ({ sender: shell.window!.webContents, senderFrame: (shell.window!.webContents as { mainFrame: unknown }).mainFrame });

describe('Electron entry with its services process', () => {
  it('forks the services entry as a utility process and relays a trusted call', async () => {
    expect(shell.forked[0]!.path).toMatch(/services\.js$/);
    const reply = await shell.ipc!(trusted(), 'app.info');
    expect(reply).toMatchObject({ ok: true, result: { backendUrl: backend.url } });
  });

  it('keeps the data key sealed on disk: the services got it over the port and wrote no clear key', () => {
    expect(existsSync(join(dataDir, 'terminal', 'keys', 'data.key.sealed'))).toBe(true);
    expect(existsSync(join(dataDir, 'terminal', 'keys', 'data.key'))).toBe(false);
  });

  it('refuses a call from another frame', async () => {
    const reply = await shell.ipc!({ sender: shell.window!.webContents, senderFrame: { url: 'https://elsewhere.example/' } }, 'app.info');
    expect(reply).toMatchObject({ ok: false, error: { code: 'rpc-unauthorized' } });
  });

  it('a SIGKILLed services process: the window is told, and calls are served again by a new one', async () => {
    const first = shell.forked.at(-1)!.pid!;
    process.kill(first, 'SIGKILL');
    await vi.waitFor(
      () => expect(shell.sent.filter((sent) => sent.event === 'services.status').map((sent) => sent.payload)).toEqual([{ state: 'restarting' }, { state: 'ready' }]),
      { timeout: 60_000, interval: 50 },
    );
    expect(shell.sent.every((sent) => sent.channel === 'terminal:event')).toBe(true);
    expect(shell.forked.at(-1)!.pid).not.toBe(first);
    expect(await shell.ipc!(trusted(), 'app.info')).toMatchObject({ ok: true });
  }, 90_000);
});
