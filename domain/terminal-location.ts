/**
 * Where a door-to-door (上门办) pad is: the device's geolocation when it has a
 * recent fix, else the address its configuration names. The location goes
 * with the self-check report and with each case, so the centre knows where a
 * resident was served.
 */

/** A position from the device (the browser's geolocation). */
export interface GeoPosition {
  latitude: number;
  longitude: number;
  /** Radius of the 95 % circle, metres, as the device reports it. */
  accuracyMetres?: number;
  /** When the fix was taken (ISO 8601). */
  at: string;
}

export type TerminalLocation =
  | ({ source: 'geolocation' } & GeoPosition)
  | { source: 'configured-address'; address: string };

/** A fix older than this no longer says where the pad is: the configured address stands in. */
export const POSITION_FRESH_MS = 10 * 60_000;

/** The location to report now, or none (pad mode off, or neither a fresh fix nor an address). */
export function terminalLocation(position: GeoPosition | undefined, address: string | undefined, now: Date): TerminalLocation | undefined {
  if (position) {
    const age = now.getTime() - Date.parse(position.at);
    if (Number.isFinite(age) && age <= POSITION_FRESH_MS && age >= -60_000) return { source: 'geolocation', ...position };
  }
  return address ? { source: 'configured-address', address } : undefined;
}

/** For the centre's screen and logs: "31.23968, 121.49966 (±20 m)" or the address. */
export function describeLocation(location: TerminalLocation): string {
  if (location.source === 'configured-address') return location.address;
  const accuracy = location.accuracyMetres !== undefined ? ` (±${Math.round(location.accuracyMetres)} m)` : '';
  return `${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}${accuracy}`;
}
