/**
 * The extension terminal's self-check: faults named in plain words on the
 * kiosk, and the same state in the centre's live query over the channel.
 */
import { expect, test } from './harness';

test.use({ profile: 'extension-terminal' });

interface LiveState {
  live: boolean;
  state: { ok: boolean; items: { component: string; ok: boolean; problem?: string }[] };
}

test('an unplugged reader and a stopped printer: the kiosk alarm names both and the centre query shows the same', async ({ app, backend, reader, printer }) => {
  await expect(app.getByTestId('kiosk')).toBeVisible();
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  const terminalId = backend.centre.terminals().find((entry) => entry.connected)?.terminalId;
  expect(terminalId).toBeTruthy();

  await printer.stop();
  await reader.unplug();
  const alarm = app.getByTestId('self-check-alarm');
  await expect(alarm.getByTestId('fault-id-card-reader')).toBeVisible({ timeout: 20_000 });
  await app.getByTestId('self-check-again').click();
  await expect(alarm.getByTestId('fault-printer')).toBeVisible();
  await expect(alarm.getByTestId('fault-id-card-reader')).toContainText('身份证阅读器');
  await expect(alarm.getByTestId('fault-id-card-reader')).toContainText('USB');
  await expect(alarm.getByTestId('fault-printer')).toContainText('打印机');
  const shown = {
    reader: await alarm.getByTestId('fault-id-card-reader').getAttribute('data-problem'),
    printer: await alarm.getByTestId('fault-printer').getAttribute('data-problem'),
  };
  await expect(alarm.locator('li')).toHaveCount(2);

  // The centre asks the terminal now, over the channel, and sees what the resident sees.
  const response = await fetch(`${backend.url}/centre/terminals/${terminalId}/live-state`);
  const live = (await response.json()) as LiveState;
  expect(live.live).toBe(true);
  const faults = live.state.items.filter((item) => !item.ok);
  expect(faults.map((item) => [item.component, item.problem])).toEqual([
    ['id-card-reader', shown.reader],
    ['printer', shown.printer],
  ]);
  // And the last reported state, kept by the centre, says the same.
  const reported = backend.centre.store.lastState(terminalId!)?.state as LiveState['state'];
  expect(reported.items.filter((item) => !item.ok).map((item) => item.component)).toEqual(['id-card-reader', 'printer']);

  await reader.replug();
  await expect(alarm.getByTestId('fault-id-card-reader')).toHaveCount(0, { timeout: 20_000 });
});
