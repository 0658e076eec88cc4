/** Steps of the extension terminal's journey that several kiosk specs share, done as a resident and an officer would. */
import type { Page } from '@playwright/test';
import type { ReferenceBackend } from '../../fixtures/backend/server';
import { openCentreConsole } from './centre-console';
import { expect } from './harness';

/** The kiosk has checked itself and shows the welcome screen with no fault. */
export async function kioskReady(app: Page): Promise<void> {
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
}

/** The resident takes a ticket at 外滩 (the home centre); returns its number. */
export async function takeTicketAtWaitan(app: Page, number = 'V001'): Promise<string> {
  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-huangpu-waitan').click();
  await expect(app.getByTestId('ticket-number')).toHaveText(number);
  return number;
}

/**
 * From the welcome screen: a ticket at 外滩, the centre console opened, the ticket called by the officer and
 * (unless `video: false`) the video connected. Returns the console page.
 */
export async function takeTicketAndBeCalled(app: Page, backend: ReferenceBackend, { video = true }: { video?: boolean } = {}): Promise<Page> {
  await kioskReady(app);
  const number = await takeTicketAtWaitan(app);
  const centre = await openCentreConsole(app, backend.url);
  await centre.getByTestId(`call-${number}`).click();
  await expect(app.getByTestId('called-by')).toContainText('王敏');
  if (video) await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  return centre;
}

/** The centre's view of a ticket (state, number), through its console API. */
export async function centreTickets(backend: ReferenceBackend): Promise<{ number: string; state: string; centreId: string }[]> {
  const body = (await (await fetch(`${backend.url}/centre/queue/tickets`)).json()) as { tickets: { number: string; state: string; centreId: string }[] };
  return body.tickets;
}
