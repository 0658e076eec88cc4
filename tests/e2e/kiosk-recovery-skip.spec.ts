/**
 * Crash recovery's other outcome: the terminal's services are killed mid-session
 * and the centre decides to skip the ticket (过号) rather than resume it. The
 * restarted terminal says the ticket was skipped and returns to the welcome
 * screen; the evaluation pending at the crash is offered again once; nothing
 * reaches the centre twice.
 */
import { expect, test } from './harness';
import { centreTickets, takeTicketAndBeCalled } from './kiosk-steps';

test.use({ profile: 'extension-terminal' });

test('services killed mid-session, the centre skips the ticket: the kiosk says so and returns to welcome, the pending evaluation is offered once, nothing recorded twice', async ({ app, backend, services }) => {
  const centre = await takeTicketAndBeCalled(app, backend);
  // No city page: the kiosk's own page rates.
  await centre.locator('#city-page').fill('');
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toBeVisible();

  // The services die with the evaluation on screen; while they restart the officer skips the ticket.
  const before = services.pid!;
  const restarted = services.nextStart();
  process.kill(before, 'SIGKILL');
  await centre.getByTestId('skip-V001').click();
  expect(await restarted).not.toBe(before);
  await expect(centre.locator('#video-state')).toHaveAttribute('data-state', 'idle');

  await expect(app.getByTestId('kiosk-skipped')).toContainText('您的号码 V001 已过号');
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own', { timeout: 20_000 });
  await app.getByTestId('rate-satisfied').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await app.getByTestId('ticket-again').click();
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();

  // Another crash: the ticket stays skipped and forgotten here, the evaluation is not offered a third time.
  const again = services.nextStart();
  process.kill(services.pid!, 'SIGKILL');
  await again;
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);

  await expect.poll(() => backend.centre.events().filter((event) => event.name === 'evaluation.submitted').length).toBe(1);
  expect(backend.centre.events().find((event) => event.name === 'evaluation.submitted')!.payload).toMatchObject({ level: 'satisfied', mode: 'interface' });
  expect(await centreTickets(backend)).toEqual([expect.objectContaining({ number: 'V001', state: 'skipped' })]);
  const commands = backend.centre.store.commands();
  expect(commands.filter((command) => command.name === 'ticket.called')).toHaveLength(1);
  expect(commands.filter((command) => command.name === 'ticket.skipped')).toEqual([expect.objectContaining({ state: 'done' })]);
  expect(commands.filter((command) => command.name === 'evaluation.request')).toHaveLength(1);
  await centre.context().close();
});
