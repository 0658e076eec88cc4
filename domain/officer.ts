/** An officer signed in at this terminal, as the backend's staff directory knows them. */
export interface Officer {
  officerId: string;
  account: string;
  name: string;
}

export const OFFICER_STATES = ['signed-out', 'signed-in', 'locked'] as const;
export type OfficerState = (typeof OFFICER_STATES)[number];

/**
 * What the renderer needs to know about sign-in: whether this terminal requires it (an unattended extension
 * terminal works as itself), who is signed in, whether the screen is locked, and after how long idle it locks.
 */
export interface OfficerStatus {
  required: boolean;
  state: OfficerState;
  officer?: Officer;
  /** How the officer's password was checked: by the backend, or offline against the cached verifier. */
  mode?: 'online' | 'offline';
  idleLockMs: number;
}
