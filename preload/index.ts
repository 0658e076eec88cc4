/**
 * Electron preload: exposes the contract's transport as `window.terminal`.
 * It stays this small on purpose; the typed API is built in the renderer from
 * the contract, identically for both transports.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClientTransport } from '../contract/client';
import { IPC_CHANNELS } from '../contract/wire';

const transport: ClientTransport = {
  invoke: (method, params) => ipcRenderer.invoke(IPC_CHANNELS.call, method, params),
  subscribe(listener) {
    const relay = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_CHANNELS.event, relay);
    return () => {
      ipcRenderer.off(IPC_CHANNELS.event, relay);
    };
  },
};

contextBridge.exposeInMainWorld('terminal', transport);
