/// <reference types="vite/client" />
import type { ClientTransport } from '../../contract/client';

declare global {
  interface Window {
    /** Defined by the Electron preload or by the web host's bridge; the app does not care which. */
    readonly terminal: ClientTransport;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

export {};
