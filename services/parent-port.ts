/**
 * The services process's one link to the window side. In Electron it is the
 * utility process's `process.parentPort`; under the web host it is the IPC
 * channel of `child_process.fork`. Both carry structured clones, so the rest
 * of the services process never knows which one it runs under.
 */
import type { FromServices, ToServices } from '../contract/services-port';

export interface ParentPort {
  post(message: FromServices): void;
  onMessage(listener: (message: ToServices) => void): void;
  /** The window side went away: the services process must end too. */
  onGone(listener: () => void): void;
}

/** Electron's utility-process port, described here so this process never imports Electron. */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function connectParentPort(): ParentPort {
  const utility = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      post: (message) => utility.postMessage(message),
      onMessage: (listener) => utility.on('message', (event) => listener(event.data as ToServices)),
      // Electron ends a utility process with the app; nothing to watch.
      onGone: () => undefined,
    };
  }
  if (process.send && process.connected) {
    return {
      post: (message) => {
        if (process.connected) process.send!(message);
      },
      onMessage: (listener) => process.on('message', (message) => listener(message as ToServices)),
      onGone: (listener) => process.once('disconnect', listener),
    };
  }
  throw new Error('the services process must be started by the terminal (utilityProcess.fork or child_process.fork with IPC)');
}
