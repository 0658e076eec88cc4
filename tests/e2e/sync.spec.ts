/**
 * The officer's sync screen, from the user's side: a case the centre refuses
 * is shown with the centre's reason, corrected against the item as the
 * centre has it now, sent again, and arrives exactly once.
 */
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillFormAndSign } from './steps';

const resident = sampleCards.resident;
const item = loadSampleCatalogue().serviceItems[0]!;

test('a case the centre refuses is corrected on the sync screen and arrives once', async ({ app, reader, backend }, testInfo) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  reader.placeCard(resident);
  await expect(app.getByTestId('card-name')).toHaveText(resident.name);
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
