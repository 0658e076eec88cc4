/**
 * Two Chromium pages, the resident's kiosk and the centre console (fake camera
 * and microphone on both): the officer calls the ticket, the video room is
 * prepared while calling, and both sides see the other's live video.
 */
import { expect, test } from './harness';
import { openCentreConsole, showsLiveVideo } from './centre-console';

test.use({ profile: 'extension-terminal' });

test('the officer calls the ticket and the video connects, both sides seeing a live track; hanging up ends it on the kiosk', async ({ app, backend }) => {
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-huangpu-waitan').click();
  await expect(app.getByTestId('ticket-number')).toHaveText('V001');

  const centre = await openCentreConsole(app, backend.url);
  await centre.getByTestId('call-V001').click();

  await expect(app.getByTestId('called-by')).toHaveText('3号窗口 王敏 正在呼叫您');
  await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(centre.locator('#video-state')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => showsLiveVideo(app, 'video-remote'), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => showsLiveVideo(centre, 'remote'), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => showsLiveVideo(app, 'video-local')).toBe(true);

  // Only loopback candidates crossed the channel.
  const candidates = backend.centre
    .events()
    .filter((event) => event.name === 'video.ice')
    .map((event) => (event.payload as { candidate: string }).candidate.split(' ')[4]);
  expect(candidates.length).toBeGreaterThan(0);
  expect(candidates.every((address) => address === '127.0.0.1' || address === '::1')).toBe(true);

  await centre.locator('#hangup').click();
  await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'ended');
  await centre.context().close();
});
