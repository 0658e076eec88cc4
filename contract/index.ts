export * from './api';
export * from './errors';
export * from './wire';
export { createTerminalClient, type ClientTransport, type TerminalApi } from './client';
