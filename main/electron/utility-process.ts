/**
 * Forks the services entry as an Electron utility process (a Node process
 * Chromium supervises, without Electron's APIs) and adapts it to the
 * supervisor. Messages cross its port as structured clones.
 */
import { utilityProcess } from 'electron';
import type { FromServices } from '../../contract/services-port';
import type { ForkServices } from '../supervisor/services-process';

export function utilityProcessFork(entry: string, env: Record<string, string> = {}): ForkServices {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Window Terminal services', stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromServices)),
      onExit: (listener) => child.once('exit', (code) => listener(code, null)),
      kill: () => void child.kill(),
    };
  };
}
