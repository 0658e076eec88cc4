/**
 * Two Chromium pages, the resident's kiosk and the centre console (fake camera
 * and microphone on both): the officer calls the ticket, the video room is
 * prepared while calling, and both sides see the other's live video.
 */
import { expect, test } from './harness';
import { createHash } from 'node:crypto';
import type { Signature, SignatureBinding } from '../../domain/signature';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { openCentreConsole, showsLiveVideo } from './centre-console';
import { signPushedForm } from './pad-signing';
import { takeTicketAndBeCalled } from './kiosk-steps';

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

test('remote card read: nothing leaves before the officer asks; on request the resident is guided and the card reaches the console once', async ({ app, backend, reader }) => {
  const centre = await takeTicketAndBeCalled(app, backend);

  // A card placed without a request goes nowhere.
  reader.placeCard(sampleCards.resident);
  await expect.poll(() => backend.centre.events().filter((event) => JSON.stringify(event.payload ?? null).includes(sampleCards.resident.idNumber)).length).toBe(0);
  reader.removeCard();
  expect(backend.centre.store.commands().filter((command) => command.name === 'card.read')).toHaveLength(0);

  await centre.locator('#include-photo').uncheck();
  await centre.locator('#card-read').click();
  await expect(app.getByTestId('kiosk-card-prompt')).toContainText('请将身份证');
  reader.placeCard(sampleCards.resident);
  await expect(centre.locator('#card-result')).toHaveAttribute('data-state', 'done');
  await expect(centre.locator('#card-result')).toContainText(sampleCards.resident.name);
  await expect(centre.locator('#card-result')).toContainText(sampleCards.resident.idNumber);
  await expect(app.getByTestId('kiosk-card-prompt')).toHaveCount(0);
  const reads = backend.centre.store.commands().filter((command) => command.name === 'card.read');
  expect(reads).toHaveLength(1);
  // Without the officer asking for it, the photo stayed on the terminal.
  expect(reads[0]).toMatchObject({ state: 'done', result: { source: 'id-card', photoIncluded: false, reading: { card: { photo: '' } } } });
  await centre.context().close();
});

test('evaluation: the city page does not load in time, the kiosk own page records 满意 once at the centre', async ({ app, backend }) => {
  const centre = await takeTicketAndBeCalled(app, backend);

  // The city page (on the configured origin) answers only after 15 s: after the 5 s timeout the terminal's page.
  await centre.locator('#city-page').fill(`${backend.url}/city/evaluation?delayMs=15000`);
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'page-loading');
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own', { timeout: 15_000 });
  await app.getByTestId('rate-satisfied').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await expect(centre.locator('#evaluation-result')).toContainText('满意');

  // Asked again for the same ticket and rated again: still one evaluation at the centre.
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own', { timeout: 15_000 });
  await app.getByTestId('rate-satisfied').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await expect.poll(() => backend.centre.events().filter((event) => event.name === 'evaluation.submitted').length).toBe(1);
  const [recorded] = backend.centre.events().filter((event) => event.name === 'evaluation.submitted');
  expect(recorded!.payload).toMatchObject({ mode: 'interface', level: 'satisfied', label: '满意' });
  await centre.context().close();
});

test('change of centre: the officer advises another centre and the resident takes a ticket there in one touch', async ({ app, backend }) => {
  const centre = await takeTicketAndBeCalled(app, backend);

  await centre.locator('#advise-centre').selectOption('xuhui-tianping');
  await centre.locator('#advise').click();
  await expect(app.getByTestId('kiosk-advice')).toContainText('天平路街道');
  await app.getByTestId('advice-take').click();
  await expect(app.getByTestId('kiosk-waiting')).toBeVisible();
  await expect(app.getByTestId('ticket-centre')).toContainText('天平路街道');
  await expect(app.getByTestId('kiosk-advice')).toHaveCount(0);
  const { tickets } = (await (await fetch(`${backend.url}/centre/queue/tickets`)).json()) as { tickets: { centreId: string; state: string }[] };
  expect(tickets.map((ticket) => [ticket.centreId, ticket.state])).toEqual([
    ['huangpu-waitan', 'called'],
    ['xuhui-tianping', 'waiting'],
  ]);
  await centre.context().close();
});

test('a pushed form is signed on the pad and the officer receives the signed PDF, bound to its bytes by the terminal key', async ({ app, backend, padBridge }) => {
  const centre = await takeTicketAndBeCalled(app, backend);

  await centre.locator('#push-form').click();
  await expect(app.getByTestId('kiosk-form')).toBeVisible();
  await signPushedForm(app, padBridge);
  await expect(centre.locator('#form-result')).toHaveAttribute('data-state', 'done');

  const signed = backend.centre.events().filter((event) => event.name === 'form.signed');
  expect(signed).toHaveLength(1);
  const payload = signed[0]!.payload as { pdf: string; signature: Signature; binding: SignatureBinding };
  const pdf = Buffer.from(payload.pdf, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(payload.signature.points.length).toBeGreaterThan(5);
  // Bound to exactly these bytes (SM3 from OpenSSL as the oracle) by the terminal's registered key.
  expect(payload.binding).toMatchObject({ algorithm: 'SM2-SM3', contentSm3: createHash('sm3').update(pdf).digest('hex'), signer: { role: 'applicant', name: '张三' } });
  expect(payload.binding.publicKey).toBe(backend.terminals()[0]!.publicKey);
  await centre.context().close();
});
