/**
 * PC/SC transport: the only file that touches the `smartcard` binding (WinSCard
 * on Windows, pcsc-lite on Linux). It lists readers and opens an APDU channel
 * to the card in one; every failure leaves as a SocialSecurityCardError whose
 * code says what the officer should do.
 */
import type { ApduChannel } from './procedure';
import { SocialSecurityCardError, type SscErrorCode } from './errors';

export interface ReaderInfo {
  name: string;
  cardPresent: boolean;
}

export interface CardLink extends ApduChannel {
  disconnect(): void;
}

export interface PcscTransport {
  /** Readers known to the PC/SC service now. */
  listReaders(): Promise<ReaderInfo[]>;
  connect(readerName: string): Promise<CardLink>;
  /** Drops the service context; the next call establishes a new one (after the service restarted). */
  reset(): void;
}

/** The smartcard binding's messages (its errors carry no code) mapped to ours. */
const BY_MESSAGE: ReadonlyArray<[RegExp, SscErrorCode]> = [
  [/service not running|service stopped|no service/i, 'ssc-pcsc-unavailable'],
  [/invalid handle|context is not valid/i, 'ssc-pcsc-unavailable'],
  [/card was removed|no smart card|card is unpowered|card was reset|unresponsive|not connected/i, 'ssc-card-removed'],
  [/reader unavailable|unknown reader|no readers/i, 'ssc-reader-removed'],
  [/sharing violation/i, 'ssc-reader-busy'],
  [/communication error|transaction failed|not ready/i, 'ssc-card-removed'],
];

export function pcscError(err: unknown, during: string): SocialSecurityCardError {
  if (err instanceof SocialSecurityCardError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1] ?? 'ssc-card-refused';
  return new SocialSecurityCardError(code, `${during}: ${message}`);
}

// Loaded on first use, so a machine without the PC/SC library still starts the terminal (the reader is just absent).
interface Binding {
  Context: new () => {
    listReaders(): Array<{ name: string; state: number; connect(share: number, protocol: number): Promise<BindingCard> }>;
    close(): void;
  };
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_STATE_PRESENT: number;
  SCARD_LEAVE_CARD: number;
}
interface BindingCard {
  transmit(command: Buffer): Promise<Buffer>;
  disconnect(disposition?: number): void;
}

let binding: Binding | undefined;
async function load(): Promise<Binding> {
  if (!binding) {
    try {
      const mod = (await import('smartcard')) as unknown as Binding & { default?: Binding };
      binding = mod.Context ? mod : (mod.default as Binding);
    } catch (err) {
      // Not remembered: a library installed later is picked up at the next attempt.
      throw new SocialSecurityCardError('ssc-pcsc-unavailable', `PC/SC binding not loadable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return binding;
}

export class SmartcardTransport implements PcscTransport {
  #context: InstanceType<Binding['Context']> | undefined;

  async #ctx(): Promise<InstanceType<Binding['Context']>> {
    if (!this.#context) {
      const { Context } = await load();
      try {
        this.#context = new Context();
      } catch (err) {
        throw pcscError(err, 'establish PC/SC context');
      }
    }
    return this.#context;
  }

  async listReaders(): Promise<ReaderInfo[]> {
    const { SCARD_STATE_PRESENT } = await load();
    const context = await this.#ctx();
    try {
      return context
        .listReaders()
        .map((reader) => ({ name: reader.name, cardPresent: (reader.state & SCARD_STATE_PRESENT) !== 0 }));
    } catch (err) {
      this.reset();
      throw pcscError(err, 'list readers');
    }
  }

  async connect(readerName: string): Promise<CardLink> {
    const b = await load();
    const context = await this.#ctx();
    let reader: ReturnType<typeof context.listReaders>[number] | undefined;
    try {
      reader = context.listReaders().find((r) => r.name === readerName);
    } catch (err) {
      this.reset();
      throw pcscError(err, 'list readers');
    }
    if (!reader) throw new SocialSecurityCardError('ssc-reader-removed', `reader ${readerName} no longer listed`);
    let card: BindingCard;
    try {
      card = await reader.connect(b.SCARD_SHARE_SHARED, b.SCARD_PROTOCOL_T0 | b.SCARD_PROTOCOL_T1);
    } catch (err) {
      throw pcscError(err, `connect to the card in ${readerName}`);
    }
    return {
      async transmit(command: Uint8Array): Promise<Uint8Array> {
        try {
          return new Uint8Array(await card.transmit(Buffer.from(command)));
        } catch (err) {
          throw pcscError(err, 'transmit');
        }
      },
      disconnect(): void {
        try {
          card.disconnect(b.SCARD_LEAVE_CARD);
        } catch {
          // The card or the service is already gone: nothing left to release.
        }
      },
    };
  }

  reset(): void {
    try {
      this.#context?.close();
    } catch {
      // An invalid context (service restarted) cannot be closed; dropping it is enough.
    }
    this.#context = undefined;
  }
}
