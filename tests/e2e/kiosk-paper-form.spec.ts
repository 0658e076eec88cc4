/**
 * A pushed form on paper: the officer pushes the form, the resident chooses to
 * print it (A4 on ippeveprinter), signs by hand and photographs the page with
 * the document camera (Chromium's fake camera); the centre receives the photo
 * with the case, once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';
import { takeTicketAndBeCalled } from './kiosk-steps';

test.use({ profile: 'extension-terminal' });

test('the resident prints the pushed form, signs it by hand and photographs it back; the console receives the photo once', async ({ app, backend, printer }) => {
  const centre = await takeTicketAndBeCalled(app, backend, { video: false });
  await centre.locator('#push-form').click();
  await expect(app.getByTestId('kiosk-form')).toBeVisible();

  await app.getByTestId('form-print').click();
  await expect(app.getByTestId('form-paper-how')).toBeVisible();
  // The A4 printer received the pushed form: one PDF job, A4.
  await expect.poll(async () => (await printer.spooledPdfs()).length, { timeout: 20_000 }).toBe(1);
  const [spooled] = await printer.spooledPdfs();
  expect(readFileSync(spooled!).subarray(0, 5).toString()).toBe('%PDF-');
  // The pushed form's content, as poppler reads the printed file.
  expect(execFileSync('pdftotext', ['-layout', spooled!, '-'], { encoding: 'utf8' })).toContain('张三');
  expect(execFileSync('pdfinfo', [spooled!], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

  // Signed by hand, the page goes under the document camera.
  await expect(app.getByTestId('document-camera')).toHaveAttribute('data-live', 'true', { timeout: 15_000 });
  await expect(app.getByTestId('form-send-photos')).toBeDisabled();
  await app.getByTestId('camera-take').click();
  await expect(app.getByTestId('form-photo-count')).toHaveAttribute('data-count', '1');
  await app.getByTestId('form-send-photos').click();
  await expect(app.getByTestId('kiosk-form')).toHaveCount(0);

  await expect(centre.locator('#form-result')).toHaveAttribute('data-state', 'photos');
  await expect(centre.locator('#form-result')).toContainText('1/1');
  const photos = backend.centre.events().filter((event) => event.name === 'form.photographed');
  expect(photos).toHaveLength(1);
  const payload = photos[0]!.payload as { pushId: string; page: number; pages: number; mimeType: string; data: string };
  expect(payload).toMatchObject({ pushId: expect.stringMatching(/^form-/), page: 1, pages: 1, mimeType: 'image/jpeg' });
  const jpeg = Buffer.from(payload.data, 'base64');
  expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  // Paper, not the pad: no electronic signature was sent for this form.
  expect(backend.centre.events().filter((event) => event.name === 'form.signed')).toHaveLength(0);
  await centre.context().close();
});

test("the resident's screen reaches only the kiosk's calls: an officer's call through its transport is refused, nothing listed", async ({ app }) => {
  await expect(app.getByTestId('kiosk')).toBeVisible();
  const invoke = (method: string, params: unknown) =>
    app.evaluate(([name, input]) => (window as unknown as { terminal: { invoke(method: string, params: unknown): Promise<unknown> } }).terminal.invoke(name as string, input), [method, params] as const);
  for (const method of ['cases.list', 'certificates.print', 'registry.day', 'printers.list']) {
    expect(await invoke(method, {}), method).toMatchObject({ ok: false, error: { code: 'call-outside-profile', params: { call: method, profile: 'extension-terminal' } } });
  }
  expect(await invoke('kiosk.session', {})).toMatchObject({ ok: true });
});
