/**
 * A pad reached through a local HID bridge instead of node-hid: a Unix socket
 * that relays the pad's feature and input reports. The simulated pad of
 * `npm start` and the tests sits behind one (fixtures/signature-pad), so the
 * simulator never enters the terminal's bundle; a remote-desktop HID
 * redirector could sit behind one too. Unix sockets only: the pad's reports
 * never cross a network.
 *
 * Wire: one JSON object per line. Requests `{id, op, ...}` with op `list`,
 * `open` (path), `get` (reportId, length), `send` (data), `close`; replies
 * `{id, ok, result?, error?}`; pushes `{event: 'report', data}` and
 * `{event: 'error', message}`. Report bytes travel as base64.
 */
import { EventEmitter } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { SignaturePadError } from './errors';
import type { PadDeviceInfo, PadTransport, PadTransportEvents, PadTransportFactory } from './transport';

type BridgeReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
type BridgePush = { event: 'report'; data: string } | { event: 'error'; message: string };

/** One connection to the bridge: calls with replies, and pushed reports. */
class BridgeConnection extends EventEmitter<{ push: [BridgePush]; closed: [Error] }> {
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #closed = false;

  private constructor(private readonly socket: Socket) {
    super();
    createInterface({ input: socket }).on('line', (line) => this.#receive(line));
    const end = (error: Error) => {
      if (this.#closed) return;
      this.#closed = true;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
      this.emit('closed', error);
    };
    socket.on('error', end);
    socket.on('close', () => end(new Error('the HID bridge closed the connection')));
  }

  static open(path: string): Promise<BridgeConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ path });
      socket.once('connect', () => resolve(new BridgeConnection(socket)));
      socket.once('error', (error) => reject(new SignaturePadError('signature-pad-not-found', `HID bridge ${path}: ${error.message}`)));
    });
  }

  call(op: string, args: Record<string, unknown> = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('the HID bridge connection is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.socket.write(JSON.stringify({ id, op, ...args }) + '\n');
    });
  }

  close(): void {
    this.socket.end();
  }

  #receive(line: string): void {
    let message: BridgeReply | BridgePush;
    try {
      message = JSON.parse(line) as BridgeReply | BridgePush;
    } catch {
      this.socket.destroy(new Error('the HID bridge sent a malformed line'));
      return;
    }
    if ('event' in message) {
      this.emit('push', message);
      return;
    }
    const waiting = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.result);
    else waiting?.reject(new Error(message.error));
  }
}

class BridgePadTransport extends EventEmitter<PadTransportEvents> implements PadTransport {
  #gone = false;

  constructor(private readonly connection: BridgeConnection) {
    super();
    connection.on('push', (push) => {
      if (push.event === 'report') this.emit('report', new Uint8Array(Buffer.from(push.data, 'base64')));
      else this.#fail(new Error(push.message));
    });
    connection.on('closed', (error) => this.#fail(error));
  }

  async getFeatureReport(reportId: number, length: number): Promise<Uint8Array> {
    const data = (await this.connection.call('get', { reportId, length })) as string;
    return new Uint8Array(Buffer.from(data, 'base64'));
  }

  async sendFeatureReport(data: Uint8Array): Promise<void> {
    await this.connection.call('send', { data: Buffer.from(data).toString('base64') });
  }

  async close(): Promise<void> {
    this.#gone = true;
    await this.connection.call('close').catch(() => undefined);
    this.connection.close();
  }

  #fail(error: Error): void {
    if (this.#gone) return;
    this.#gone = true;
    this.emit('error', error);
  }
}

export class BridgePadTransportFactory implements PadTransportFactory {
  constructor(private readonly socketPath: string) {}

  async list(): Promise<PadDeviceInfo[]> {
    const connection = await BridgeConnection.open(this.socketPath);
    try {
      return (await connection.call('list')) as PadDeviceInfo[];
    } finally {
      connection.close();
    }
  }

  async open(device: PadDeviceInfo): Promise<PadTransport> {
    const connection = await BridgeConnection.open(this.socketPath);
    try {
      await connection.call('open', { path: device.path });
    } catch (error) {
      connection.close();
      throw new SignaturePadError('signature-pad-unplugged', `cannot open ${device.path}: ${(error as Error).message}`);
    }
    return new BridgePadTransport(connection);
  }
}
