/**
 * Door-to-door (上门办) pad mode: the device's geolocation, followed while the
 * kiosk runs and handed to the services, which send it with the self-check and
 * each case (or the configured address when there is no fix). Denied or
 * unavailable, nothing is reported and the address stands in.
 */
import { terminal } from '../terminal';

let watching: number | undefined;

export async function followPadLocation(): Promise<void> {
  if (watching !== undefined || !('geolocation' in navigator)) return;
  const info = await terminal.app.info();
  if (!info.doorToDoor) return;
  watching = navigator.geolocation.watchPosition(
    (position) => {
      const { latitude, longitude, accuracy } = position.coords;
      void terminal.kiosk.reportPosition({ latitude, longitude, ...(Number.isFinite(accuracy) ? { accuracyMetres: accuracy } : {}) }).catch(() => undefined);
    },
    () => undefined,
    { enableHighAccuracy: true, maximumAge: 60_000, timeout: 30_000 },
  );
}
