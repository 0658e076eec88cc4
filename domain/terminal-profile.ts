/**
 * A terminal serves one kind of user. Its profile, from configuration, decides
 * which screens it shows and which it opens on: a registrar never sees the
 * reception flow, a reception window never sees the certificate desk.
 */
export const TERMINAL_PROFILES = ['reception-window', 'registry-desk', 'extension-terminal'] as const;
export type TerminalProfile = (typeof TERMINAL_PROFILES)[number];

export const TERMINAL_VIEWS = ['reception', 'registry', 'certificate', 'cases', 'sync', 'devices', 'kiosk'] as const;
export type TerminalView = (typeof TERMINAL_VIEWS)[number];

/** The screens of each profile, the first being the one it opens on. */
const PROFILE_VIEWS: Record<TerminalProfile, readonly TerminalView[]> = {
  'reception-window': ['reception', 'cases', 'sync', 'devices'],
  // The registrar's day starts at the appointment list; the certificate desk is where a case ends.
  'registry-desk': ['registry', 'certificate', 'cases', 'sync', 'devices'],
  // Unattended and resident-facing: the full-screen kiosk and nothing else (no navigation, no way out).
  'extension-terminal': ['kiosk'],
};

export function viewsOf(profile: TerminalProfile): readonly TerminalView[] {
  return PROFILE_VIEWS[profile];
}

export function isTerminalProfile(value: unknown): value is TerminalProfile {
  return typeof value === 'string' && (TERMINAL_PROFILES as readonly string[]).includes(value);
}
