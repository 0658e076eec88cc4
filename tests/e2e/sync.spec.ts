/**
 * The officer's sync screen, from the user's side: a case the centre refuses
 * is shown with the centre's reason, corrected against the item as the
 * centre has it now, sent again, and arrives exactly once.
 */
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign, readCard } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems[0]!;

test('a case the centre refuses is corrected on the sync screen and arrives once', async ({ app, reader, backend }, testInfo) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  await readCard(app, reader, resident);
  await fillFormAndSign(app, item);

  // Offline, the case waits; meanwhile the centre makes a new field of the item required.
  await backend.pause();
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '1');
  backend.upsertServiceItem({ ...item, formSchema: [...item.formSchema, { key: 'emergencyContact', label: '紧急联系人', type: 'text', required: true }] });
  await backend.resume();

  await expect(app.getByTestId('case-sync-state')).toHaveText('被中心退回', { timeout: 45_000 });
  await expect(app.getByTestId('dead-letter-status')).toHaveText('1 件被退回');
  expect(backend.cases()).toHaveLength(0);

  await app.getByTestId('nav-sync').click();
  const row = app.locator('[data-testid^="sync-item-"][data-state="dead-letter"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${resident.name} · ${item.name}`);
  await expect(row.locator('[data-testid^="sync-reason-"]')).toHaveText('表单缺少必填项“紧急联系人”，请补填后重新上报。');
  await row.locator('[data-testid^="sync-fix-"]').click();

  const edit = app.getByTestId('sync-edit');
  await expect(edit).toContainText(resident.name);
  const contact = edit.getByTestId('field-emergencyContact');
  await expect(contact).toHaveValue('');
  await expect(edit.locator('label.invalid')).toContainText('紧急联系人');
  await app.screenshot({ path: testInfo.outputPath('sync-dead-letter.png'), fullPage: true });

  // Sent again without the field: the terminal refuses it itself, naming the field.
  await edit.getByTestId('sync-resubmit').click();
  await expect(app.getByTestId('sync-screen').locator('p[role="alert"]')).toHaveText('表单有需要修改的地方：');
  await expect(edit.getByRole('alert')).toContainText('紧急联系人：必须填写');
  await expect(row).toHaveCount(1);
  expect(backend.received().filter((entry) => entry.kind === 'case')).toHaveLength(1);

  await contact.fill('李四 13800138000');
  await edit.getByTestId('sync-resubmit').click();
  await expect(edit).toBeHidden();
  await expect(app.getByTestId('outbox-status')).toHaveAttribute('data-queued', '0', { timeout: 30_000 });
  await expect(app.getByTestId('dead-letter-status')).toBeHidden();
  await expect(app.getByTestId('sync-screen')).toContainText('没有待上传的数据。');

  const received = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(received).toHaveLength(1);
  expect(received[0]!.form.emergencyContact).toBe('李四 13800138000');
});

test('the archived form uploads with visible progress until the centre holds it', async ({ app, reader, backend }) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  // Small chunks (the centre's configuration) over a slow link, so progress has steps to show.
  const changedAt = Date.now();
  backend.upsertFeedEntry('configuration', 'upload', { id: 'upload', value: { chunkBytes: 16_384, parallel: 1 } });
  await app.getByTestId('nav-sync').click();
  await app.getByTestId('sync-retry-now').click();
  await expect.poll(() => backend.requestLog().some((entry) => entry.route === '/v1/feeds/{feed}' && entry.status === 200 && entry.at >= changedAt)).toBe(true);
  backend.setFaults({ latencyMs: 600, pathPrefix: '/v1/uploads/' });

  await app.getByTestId('nav-reception').click();
  await readCard(app, reader, resident);
  await fillFormAndSign(app, item);
  await app.getByTestId('submit-case').click();
  await expect(app.getByTestId('case-sync-state')).toHaveText('已同步');

  await expect(app.getByTestId('upload-status')).toHaveText(/^材料上传 1 件（[1-9]\d?%）$/, { timeout: 30_000 });
  await app.getByTestId('nav-sync').click();
  const upload = app.getByTestId('sync-screen').locator('.uploads li');
  await expect(upload).toContainText('application-form.pdf');
  await expect(upload).toContainText('上传中');

  await expect(app.getByTestId('upload-status')).toBeHidden({ timeout: 60_000 });
  const [received] = backend.cases().filter((c) => c.idNumber === resident.idNumber);
  expect(backend.uploads()).toEqual([expect.objectContaining({ caseId: received!.id, completed: true })]);
  expect(backend.uploads()[0]!.patches).toBeGreaterThan(2);
});
