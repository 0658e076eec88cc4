/**
 * The acceptance journey on two Chromium pages (kiosk and centre console, fake
 * camera and microphone): ticket, call, video, remote card read, a pushed form
 * signed on the pad, and the evaluation whose city page times out, recorded
 * once as 满意 at the centre.
 */
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { openCentreConsole, showsLiveVideo } from './centre-console';
import { signPushedForm } from './pad-signing';

test.use({ profile: 'extension-terminal' });

test('a resident is served end to end by a centre officer over video', async ({ app, backend, reader, padBridge }) => {
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-huangpu-waitan').click();
  await expect(app.getByTestId('ticket-number')).toHaveText('V001');

  const centre = await openCentreConsole(app, backend.url);
  await centre.getByTestId('call-V001').click();
  await expect(app.getByTestId('called-by')).toContainText('王敏');
  await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect.poll(() => showsLiveVideo(app, 'video-remote'), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => showsLiveVideo(centre, 'remote'), { timeout: 15_000 }).toBe(true);

  await centre.locator('#card-read').click();
  await expect(app.getByTestId('kiosk-card-prompt')).toBeVisible();
  reader.placeCard(sampleCards.resident);
  await expect(centre.locator('#card-result')).toContainText(sampleCards.resident.idNumber);

  await centre.locator('#push-form').click();
  await expect(app.getByTestId('kiosk-form')).toBeVisible();
  await signPushedForm(app, padBridge);
  await expect(centre.locator('#form-result')).toHaveAttribute('data-state', 'done');

  // The city page answers only after 15 s: the kiosk's own page takes over after the 5 s timeout.
  await centre.locator('#city-page').fill(`${backend.url}/city/evaluation?delayMs=15000`);
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'page-loading');
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own', { timeout: 15_000 });
  await app.getByTestId('rate-satisfied').click();
  await expect(centre.locator('#evaluation-result')).toContainText('满意');

  const events = backend.centre.events();
  expect(events.filter((event) => event.name === 'form.signed')).toHaveLength(1);
  expect(events.filter((event) => event.name === 'evaluation.submitted').map((event) => (event.payload as { label: string }).label)).toEqual(['满意']);
  expect(backend.centre.store.commands().filter((command) => command.name === 'card.read')).toHaveLength(1);
  await centre.context().close();
});
