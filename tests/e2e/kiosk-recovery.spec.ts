/**
 * Killing the extension terminal's services mid-session: the ticket comes
 * back, the video keeps going (it is between the two browsers), a pending
 * evaluation is offered again once, and nothing reaches the centre twice.
 */
import { expect, test } from './harness';
import { openCentreConsole } from './centre-console';

test.use({ profile: 'extension-terminal' });

async function killServices(services: { pid: number | undefined; nextStart(): Promise<number> }): Promise<void> {
  const before = services.pid!;
  const restarted = services.nextStart();
  process.kill(before, 'SIGKILL');
  expect(await restarted).not.toBe(before);
}

test('kill the services while waiting and during the evaluation: the ticket is recovered, the evaluation offered again once, nothing recorded twice', async ({ app, backend, services }) => {
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-huangpu-waitan').click();
  await expect(app.getByTestId('ticket-number')).toHaveText('V001');

  await killServices(services);
  await expect(app.getByTestId('kiosk-waiting')).toBeVisible();
  await expect(app.getByTestId('ticket-number')).toHaveText('V001');

  const centre = await openCentreConsole(app, backend.url);
  await centre.getByTestId('call-V001').click();
  await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  // No city page: the kiosk's own page rates.
  await centre.locator('#city-page').fill('');
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toBeVisible();

  // A crash with the evaluation on screen: offered again once after the restart.
  await killServices(services);
  await expect(app.getByTestId('kiosk-called')).toBeVisible();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own', { timeout: 20_000 });
  await app.getByTestId('rate-satisfied').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);

  // Another crash after it was given: not offered a third time, and recorded once.
  await killServices(services);
  await expect(app.getByTestId('kiosk-called')).toBeVisible();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await expect.poll(() => backend.centre.events().filter((event) => event.name === 'evaluation.submitted').length).toBe(1);
  const tickets = ((await (await fetch(`${backend.url}/centre/queue/tickets`)).json()) as { tickets: { number: string; state: string }[] }).tickets;
  expect(tickets).toEqual([expect.objectContaining({ number: 'V001', state: 'called' })]);
  expect(backend.centre.store.commands().filter((command) => command.name === 'ticket.called')).toHaveLength(1);
  await centre.context().close();
});
