/** Signing a pushed form on the simulated pad: start, wait until the pad has delivered the whole signature, then done. */
import { expect, type Page } from '@playwright/test';
import type { PadBridge } from '../../fixtures/signature-pad/bridge';
import { sampleSignature } from '../../fixtures/signature-pad/simulator';

export async function signPushedForm(app: Page, padBridge: PadBridge): Promise<void> {
  const pad = padBridge.pad as unknown as { sequence: number };
  const before = pad.sequence;
  await app.getByTestId('form-sign').click();
  // The pad signs by itself once inking is on; every pen event advances its report sequence.
  await expect.poll(() => (pad.sequence - before + 0x10000) % 0x10000, { timeout: 15_000 }).toBeGreaterThanOrEqual(sampleSignature().length);
  await app.getByTestId('form-done').click();
  await expect(app.getByTestId('kiosk-form')).toHaveCount(0);
}
