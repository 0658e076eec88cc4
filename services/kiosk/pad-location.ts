/**
 * Door-to-door (上门办) pad mode on the services side: the last position the
 * renderer's geolocation reported, and the configured address for when there
 * is no fresh fix. What `current()` answers goes with the self-check and with
 * each case sent to the centre.
 */
import { terminalLocation, type GeoPosition, type TerminalLocation } from '../../domain/terminal-location';

export class PadLocation {
  #position: GeoPosition | undefined;

  constructor(
    private readonly address: string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A fix from the device; returns whether the location's source changed (the centre should hear of it). */
  report(position: Omit<GeoPosition, 'at'>): boolean {
    const before = this.current()?.source;
    this.#position = { ...position, at: this.now().toISOString() };
    return this.current()?.source !== before;
  }

  current(): TerminalLocation | undefined {
    return terminalLocation(this.#position, this.address, this.now());
  }
}
