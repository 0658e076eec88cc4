/** `npm start` runs the terminal with its embedded reference backend: that path must work from the built bundle. */
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';

test.use({ embeddedBackend: true });

test('the terminal runs on its embedded backend: online, catalogue pulled, a foreign card shows both names', async ({ app, reader }) => {
  await expect(app.getByTestId('backend-status')).toHaveAttribute('data-state', 'online');
  reader.placeCard(sampleCards.foreignPermanent2023);
  await expect(app.getByTestId('card-summary')).toHaveAttribute('data-card-type', 'foreign-permanent-2023');
  await expect(app.getByTestId('card-english-name')).toHaveText(sampleCards.foreignPermanent2023.englishName!);
  const item = loadSampleCatalogue().serviceItems[0]!;
  await expect(app.getByTestId(`item-${item.code}`)).toBeVisible();
});
