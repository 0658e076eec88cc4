/**
 * Officer sign-in and the screen lock, from the officer's side: nothing to
 * work with before sign-in, a wrong password refused with the attempts left,
 * and an idle screen locked over the case on screen, which is still there,
 * as it was, when the same officer unlocks.
 */
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, signInOfficer, test } from './harness';
import { readCard } from './steps';

const [officer, other] = SAMPLE_OFFICERS as [(typeof SAMPLE_OFFICERS)[number], (typeof SAMPLE_OFFICERS)[number]];
const item = loadSampleCatalogue().serviceItems[0]!;

test.describe('before sign-in', () => {
  test.use({ officer: null });

  test('the terminal opens on sign-in; a wrong password is refused with the attempts left', async ({ app }) => {
    await expect(app.getByTestId('sign-in-form')).toBeVisible();
    await expect(app.getByTestId('nav-reception')).toHaveCount(0);
    await signInAttempt(app, officer.account, 'not-the-password');
    await expect(app.getByTestId('officer-error')).toContainText('再错 4 次');
    await signInOfficer(app, officer);
    await expect(app.getByTestId('officer-name')).toHaveText(officer.name);
    await expect(app.getByTestId('nav-reception')).toBeVisible();
  });
});

test('an idle screen locks over the case on screen; only the same officer unlocks it, and the case is as it was', async ({ app, reader, backend }, testInfo) => {
  await readCard(app, reader, sampleCards.resident);
  await app.getByTestId(`item-${item.code}`).click();
  const typed = item.formSchema.find((field) => field.required && field.type === 'text' && !field.prefill)!;
  await app.getByTestId(`field-${typed.key}`).fill('锁屏前填写');

  // Ten idle minutes pass on the renderer's clock.
  await app.clock.install();
  await app.clock.fastForward('10:30');
  await expect(app.getByTestId('lock-overlay')).toBeVisible({ timeout: 15_000 });
  await app.screenshot({ path: testInfo.outputPath('screen-locked.png') });

  await app.getByTestId('officer-password').fill(other.password);
  await app.getByTestId('officer-submit').click();
  await expect(app.getByTestId('officer-error')).toContainText('账号或密码不正确');
  await app.getByTestId('officer-password').fill(officer.password);
  await app.getByTestId('officer-submit').click();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);

  await expect(app.getByTestId('card-id-number')).toHaveText(sampleCards.resident.idNumber);
  await expect(app.getByTestId(`field-${typed.key}`)).toHaveValue('锁屏前填写');
  expect(backend.cases()).toHaveLength(0);
});

async function signInAttempt(app: import('@playwright/test').Page, account: string, password: string): Promise<void> {
  await app.getByTestId('officer-account').fill(account);
  await app.getByTestId('officer-password').fill(password);
  await app.getByTestId('officer-submit').click();
}
