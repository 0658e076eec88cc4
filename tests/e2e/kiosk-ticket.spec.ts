/**
 * The resident's kiosk at an extension terminal: large touch targets, a ticket
 * at a chosen centre with the waiting page, the officer's call with the video
 * room being prepared, and the idle reset that forgets the last resident.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

test.use({ profile: 'extension-terminal' });

interface Ticket {
  ticketId: string;
  number: string;
  state: string;
  terminalId: string;
}

async function tickets(url: string): Promise<Ticket[]> {
  return ((await (await fetch(`${url}/centre/queue/tickets`)).json()) as { tickets: Ticket[] }).tickets;
}

async function everyButtonAtLeast48px(app: Page): Promise<void> {
  const sizes = await app.getByTestId('kiosk').locator('button:visible').evaluateAll((buttons) => buttons.map((button) => [button.textContent?.trim(), button.getBoundingClientRect().height, button.getBoundingClientRect().width]));
  expect(sizes.length).toBeGreaterThan(0);
  for (const [label, height, width] of sizes) expect({ label, small: (height as number) < 48 || (width as number) < 48 }).toEqual({ label, small: false });
}

test('a resident takes a ticket at the home centre, waits, and is called while the video room is prepared', async ({ app, backend }) => {
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();
  await expect(app.getByTestId('self-check-ok')).toBeVisible({ timeout: 30_000 });
  await everyButtonAtLeast48px(app);

  await app.getByTestId('kiosk-start').click();
  await expect(app.getByTestId('kiosk-centres')).toBeVisible();
  const centres = app.getByTestId('kiosk-centres').locator('li');
  await expect(centres).toHaveCount(3);
  // The home centre first, marked, and every centre's queue shown.
  await expect(centres.first()).toContainText('外滩街道');
  await expect(centres.first()).toContainText('本中心');
  await expect(app.getByTestId('centre-xuhui-tianping')).toContainText('等候 5 人');
  await everyButtonAtLeast48px(app);

  await app.getByTestId('centre-huangpu-waitan').click();
  await expect(app.getByTestId('kiosk-waiting')).toBeVisible();
  await expect(app.getByTestId('ticket-number')).toHaveText('V001');
  await expect(app.getByTestId('ticket-position')).toContainText('前面还有 2 人');
  const [ticket] = await tickets(backend.url);
  expect(ticket).toMatchObject({ number: 'V001', state: 'waiting' });

  // English for the resident who asks; the ticket stays.
  await app.getByTestId('kiosk-language').click();
  await expect(app.getByTestId('ticket-position')).toContainText('2 ahead of you');
  await app.getByTestId('kiosk-language').click();

  const call = await fetch(`${backend.url}/centre/queue/tickets/${ticket!.ticketId}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ officerName: '王敏', window: '3' }) });
  expect(call.status).toBe(200);
  await expect(app.getByTestId('kiosk-called')).toBeVisible();
  await expect(app.getByTestId('called-by')).toHaveText('3号窗口 王敏 正在呼叫您');
  await expect(app.getByTestId('video-room')).toHaveAttribute('data-state', 'waiting');
  expect(backend.centre.store.command(`call-${ticket!.ticketId}`)).toMatchObject({ state: 'done', result: { shown: true } });
});

test('a change of mind: the resident cancels, and a skipped ticket leads back to the welcome screen', async ({ app, backend }) => {
  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-pudong-lujiazui').click();
  await expect(app.getByTestId('ticket-position')).toContainText('下一位就是您');
  await app.getByTestId('ticket-cancel').click();
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();
  expect((await tickets(backend.url)).map((entry) => entry.state)).toEqual(['cancelled']);

  await app.getByTestId('kiosk-start').click();
  await app.getByTestId('centre-pudong-lujiazui').click();
  await expect(app.getByTestId('ticket-number')).toHaveText('V002');
  const waiting = (await tickets(backend.url)).find((entry) => entry.state === 'waiting')!;
  await fetch(`${backend.url}/centre/queue/tickets/${waiting.ticketId}/skip`, { method: 'POST' });
  await expect(app.getByTestId('kiosk-skipped')).toContainText('V002');
  await app.getByTestId('ticket-again').click();
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();
});

test('after 90 s untouched the kiosk returns to the welcome screen and forgets the resident', async ({ app }) => {
  await app.clock.install();
  await app.getByTestId('kiosk-contrast').click();
  await expect(app.getByTestId('kiosk')).toHaveClass(/high-contrast/);
  await app.getByTestId('kiosk-language').click();
  await app.getByTestId('kiosk-start').click();
  await expect(app.getByTestId('kiosk-centres')).toBeVisible();
  await app.clock.fastForward(60_000);
  await expect(app.getByTestId('kiosk-centres')).toBeVisible();
  await app.clock.fastForward(31_000);
  await expect(app.getByTestId('kiosk-welcome')).toBeVisible();
  await expect(app.getByTestId('kiosk')).not.toHaveClass(/high-contrast/);
  await expect(app.getByTestId('kiosk-start')).toHaveText('取号办理');
});
