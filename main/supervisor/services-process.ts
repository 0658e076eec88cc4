/**
 * What the supervisor needs of a forked services process. Two small adapters
 * provide it: `utilityProcess.fork` in Electron (main/electron) and
 * `child_process.fork` in the web host (./child-process.ts), so the
 * supervision code is the same in both.
 */
import type { FromServices, ToServices } from '../../contract/services-port';

export interface ServicesProcess {
  /** Undefined until the operating system has started it. */
  readonly pid: number | undefined;
  send(message: ToServices): void;
  onMessage(listener: (message: FromServices) => void): void;
  /** Called once when the process has ended, however it ended. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type ForkServices = () => ServicesProcess;
