/** Names the slot's services entry for the shell's loader (./slot-services.ts); apart so importing it runs nothing. */
export const SLOT_SERVICES_ENV = 'TERMINAL_SLOT_SERVICES';
