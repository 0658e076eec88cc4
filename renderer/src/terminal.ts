import { createTerminalClient, type TerminalApi } from '../../contract/client';

/** The typed contract over whichever transport defined `window.terminal`. */
export const terminal: TerminalApi = createTerminalClient(window.terminal);
