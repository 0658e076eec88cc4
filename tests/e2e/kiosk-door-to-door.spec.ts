/**
 * Door-to-door (上门办) pad mode: the pad's location goes with its self-check
 * and with each case, and the centre console shows it. Two sources: the
 * browser's geolocation (granted and set by Playwright), and the configured
 * address when there is no fix (geolocation not granted).
 */
import type { ReferenceBackend } from '../../fixtures/backend/server';
import type { PadBridge } from '../../fixtures/signature-pad/bridge';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { takeTicketAndBeCalled } from './kiosk-steps';
import { signPushedForm } from './pad-signing';

const ADDRESS = '上海市黄浦区中山东一路1号';
const WAITAN = { latitude: 31.239689, longitude: 121.499664, accuracy: 25 };

test.use({ profile: 'extension-terminal' });

interface Located {
  location?: { source: string; latitude?: number; longitude?: number; accuracyMetres?: number; address?: string };
}

/** The last self-check the centre holds for the (only) terminal. */
function lastReported(backend: ReferenceBackend): Located | undefined {
  const terminalId = backend.centre.terminals().find((entry) => entry.connected)?.terminalId;
  return terminalId ? (backend.centre.store.lastState(terminalId)?.state as Located | undefined) : undefined;
}

/** Serve the resident with a pushed form signed on the pad: the case the location must travel with. */
async function signedCase(app: Page, backend: ReferenceBackend, padBridge: PadBridge): Promise<{ centre: Page; payload: Located }> {
  const centre = await takeTicketAndBeCalled(app, backend, { video: false });
  await centre.locator('#push-form').click();
  await expect(app.getByTestId('kiosk-form')).toBeVisible();
  await signPushedForm(app, padBridge);
  await expect(centre.locator('#form-result')).toHaveAttribute('data-state', 'done');
  const signed = backend.centre.events().filter((event) => event.name === 'form.signed');
  expect(signed).toHaveLength(1);
  return { centre, payload: signed[0]!.payload as Located };
}

test.describe('with the device geolocation', () => {
  test.use({ terminalEnv: { TERMINAL_DOOR_TO_DOOR: '1', TERMINAL_DOOR_TO_DOOR_ADDRESS: ADDRESS }, grantedGeolocation: WAITAN });

  test('the position goes with the self-check and the case, and the console shows it', async ({ app, backend, padBridge }) => {
    await expect(app.getByTestId('pad-location')).toHaveAttribute('data-source', 'geolocation', { timeout: 30_000 });
    await expect(app.getByTestId('pad-location')).toContainText('31.23969, 121.49966');
    await expect.poll(() => lastReported(backend)?.location?.source, { timeout: 15_000 }).toBe('geolocation');
    expect(lastReported(backend)!.location).toMatchObject({ latitude: WAITAN.latitude, longitude: WAITAN.longitude, accuracyMetres: WAITAN.accuracy });

    const { centre, payload } = await signedCase(app, backend, padBridge);
    expect(payload.location).toMatchObject({ source: 'geolocation', latitude: WAITAN.latitude, longitude: WAITAN.longitude });
    await expect(centre.locator('#form-result')).toContainText('31.23969, 121.49966');
    await expect(centre.getByTestId('terminal-location')).toHaveAttribute('data-source', 'geolocation');
    await expect(centre.getByTestId('terminal-location')).toContainText('31.23969, 121.49966 (±25 m)');
    await centre.context().close();
  });
});

test.describe('without a position fix', () => {
  test.use({ terminalEnv: { TERMINAL_DOOR_TO_DOOR_ADDRESS: ADDRESS } });

  test('the configured address goes with the self-check and the case, and the console shows it', async ({ app, backend, padBridge }) => {
    await expect(app.getByTestId('pad-location')).toHaveAttribute('data-source', 'configured-address', { timeout: 30_000 });
    await expect.poll(() => lastReported(backend)?.location, { timeout: 15_000 }).toEqual({ source: 'configured-address', address: ADDRESS });

    const { centre, payload } = await signedCase(app, backend, padBridge);
    expect(payload.location).toEqual({ source: 'configured-address', address: ADDRESS });
    await expect(centre.locator('#form-result')).toContainText(ADDRESS);
    await expect(centre.getByTestId('terminal-location')).toContainText(ADDRESS);
    await centre.context().close();
  });
});

test('a fixed kiosk (no pad mode) reports no location', async ({ app, backend, padBridge }) => {
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByTestId('pad-location')).toHaveCount(0);
  const { centre, payload } = await signedCase(app, backend, padBridge);
  expect(payload.location).toBeUndefined();
  expect(lastReported(backend)?.location).toBeUndefined();
  await expect(centre.getByTestId('terminal-location')).toHaveCount(0);
  await centre.context().close();
});
