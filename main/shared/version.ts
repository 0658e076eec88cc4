/** Injected at build time by electron-vite (see electron.vite.config.ts); falls back for tsx runs. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
