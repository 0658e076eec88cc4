/**
 * What the renderer loads before its first paint: pdf.js (about a megabyte)
 * is fetched only when a print preview is first shown, and the preview still
 * renders with it.
 */
import type { Page } from '@playwright/test';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleCards } from '../../fixtures/id-card-reader/sample-cards';
import { expect, test } from './harness';
import { fillRequiredBlanks, readCard } from './steps';

const scriptsLoaded = (app: Page) =>
  app.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => /\.m?js$/.test(path)));

test('pdf.js is loaded when a preview is first shown, not with the app', async ({ app, reader }) => {
  await expect(app.getByTestId('reception')).toHaveAttribute('data-step', 'card');
  const atStart = await scriptsLoaded(app);
  expect(atStart.some((path) => /\/assets\/index-/.test(path))).toBe(true);
  expect(atStart.filter((path) => /\/assets\/pdf/.test(path))).toEqual([]);

  const single = loadSampleCatalogue().serviceItems.find((item) => !item.pledge && item.signers.length === 1)!;
  await readCard(app, reader, sampleCards.resident);
  await app.getByTestId(`item-${single.code}`).click();
  await fillRequiredBlanks(app, single.formSchema);
  await app.getByTestId('to-signing').click();
  await expect(app.getByTestId('pdf-preview')).toHaveAttribute('data-rendered', /[1-9]/);
  // The library chunk and its worker, fetched for the preview.
  const afterPreview = await scriptsLoaded(app);
  expect(afterPreview.filter((path) => /\/assets\/pdf-[\w-]+\.js$/.test(path))).toHaveLength(1);
  expect(afterPreview.some((path) => /\/assets\/pdf\.worker/.test(path))).toBe(true);
});
