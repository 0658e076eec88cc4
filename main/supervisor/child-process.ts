/**
 * Forks the services entry as a Node child process with an IPC channel (the
 * web host's way; Electron uses utilityProcess). Structured-clone
 * serialization, as over Electron's port, so bytes cross as bytes.
 */
import { fork } from 'node:child_process';
import type { FromServices } from '../../contract/services-port';
import type { ForkServices } from './services-process';

export function childProcessFork(entry: string, env: NodeJS.ProcessEnv = process.env): ForkServices {
  return () => {
    // stdout stays ours (launchers read JSON lines from it); the services log to stderr and their log file.
    const child = fork(entry, [], { env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return {
      get pid() {
        return child.pid;
      },
      send(message) {
        if (child.connected) child.send(message, (error) => void error); // a dead child is noticed by onExit
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromServices)),
      onExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
