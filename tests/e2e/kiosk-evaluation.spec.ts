/**
 * The evaluation's page mode: the city's page (the reference backend's sample,
 * on the origin the terminal is configured with) loads in the kiosk's
 * sandboxed frame and the resident rates there; the rating is recorded once at
 * the centre, as page mode. It depends on the renderer's CSP admitting that
 * origin in `frame-src` (in both transports).
 */
import { expect, test } from './harness';
import { takeTicketAndBeCalled } from './kiosk-steps';

test.use({ profile: 'extension-terminal' });

test('page mode: the city page loads in the sandboxed frame, the rating given there is recorded once at the centre', async ({ app, backend }) => {
  const centre = await takeTicketAndBeCalled(app, backend, { video: false });
  await expect(centre.locator('#city-page')).toHaveValue(`${backend.url}/city/evaluation`);
  await centre.locator('#evaluate').click();

  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'page', { timeout: 15_000 });
  // The frame is sandboxed (scripts, no same-origin) and holds the configured origin's page.
  await expect(app.getByTestId('city-page')).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
  const city = app.frameLocator('[data-testid="city-page"]');
  await city.getByRole('button', { name: '非常满意' }).click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await expect(centre.locator('#evaluation-result')).toContainText('非常满意');

  // Asked again for the same ticket and rated again on the city page: still one evaluation at the centre.
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'page', { timeout: 15_000 });
  await city.getByRole('button', { name: '满意', exact: true }).click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveCount(0);
  await expect.poll(() => backend.centre.events().filter((event) => event.name === 'evaluation.submitted').length).toBe(1);
  const [recorded] = backend.centre.events().filter((event) => event.name === 'evaluation.submitted');
  expect(recorded!.payload).toMatchObject({ mode: 'page', level: 'very-satisfied', label: '非常满意' });
  await centre.context().close();
});

test('a city page on another origin is never framed: the kiosk own page rates at once', async ({ app, backend }) => {
  const centre = await takeTicketAndBeCalled(app, backend, { video: false });
  await centre.locator('#city-page').fill('http://localhost:9/evaluation');
  await centre.locator('#evaluate').click();
  await expect(app.getByTestId('kiosk-evaluation')).toHaveAttribute('data-mode', 'own');
  await expect(app.getByTestId('city-page')).toHaveCount(0);
  await app.getByTestId('rate-satisfied').click();
  await expect.poll(() => backend.centre.events().filter((event) => event.name === 'evaluation.submitted').length).toBe(1);
  expect(backend.centre.events().find((event) => event.name === 'evaluation.submitted')!.payload).toMatchObject({ mode: 'interface', level: 'satisfied' });
  await centre.context().close();
});
