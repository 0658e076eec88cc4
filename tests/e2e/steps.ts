/** Steps of the reception flow that several specs share, done as an officer would. */
import type { Page } from '@playwright/test';
import type { IdentityCard } from '../../domain/identity-card';
import type { FormField, ServiceItem } from '../../domain/service-item';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';
import { expect } from './harness';

/** Places a card on the simulated reader and waits until the officer sees it read. */
export async function readCard(app: Page, reader: IdCardReaderSimulator, card: IdentityCard): Promise<void> {
  reader.placeCard(card);
  await expect(app.getByTestId('card-name')).toHaveText(card.name);
}

export async function fillRequiredBlanks(app: Page, fields: FormField[]): Promise<void> {
  for (const field of fields) {
    if (!field.required) continue;
    const input = app.getByTestId(`field-${field.key}`);
    if ((await input.inputValue()) !== '') continue;
    if (field.type === 'select') await input.selectOption(field.options![0]!.value);
    else if (field.type === 'date') await input.fill('2026-11-23');
    else if (field.type === 'phone') await input.fill('13800138000');
    else await input.fill('测试');
  }
}

/** Draws a short zig-zag on a signature canvas with the mouse. */
export async function signOn(app: Page, testId: string): Promise<void> {
  const box = (await app.getByTestId(testId).boundingBox())!;
  await app.mouse.move(box.x + 20, box.y + 60);
  await app.mouse.down();
  for (let i = 1; i <= 8; i++) await app.mouse.move(box.x + 20 + i * 25, box.y + (i % 2 ? 30 : 70), { steps: 3 });
  await app.mouse.up();
}

/** From a read card to the signing step of `item`, with the form complete. */
export async function fillFormAndSign(app: Page, item: ServiceItem): Promise<void> {
  await app.getByTestId(`item-${item.code}`).click();
  await fillRequiredBlanks(app, item.formSchema);
  await app.getByTestId('to-signing').click();
  await expect(app.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', /[1-9]/);
  for (const role of item.signers) await signOn(app, `signature-${role}`);
  if (item.pledge) await app.getByTestId('pledge-accept').check();
}
