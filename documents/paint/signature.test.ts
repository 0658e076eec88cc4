import { describe, expect, it } from 'vitest';
import { FontChain } from '../fonts/font-chain';
import { findFontSources } from '../fonts/load-font-files';
import type { DocumentModel } from '../model';
import { inkShare } from '../test-support/poppler';
import { zigzag } from '../test-support/samples';
import { paint } from './painter';

const MM = 72 / 25.4;
const box = { x: 40, y: 40, width: 60, height: 60 };

async function render(aspectRatio?: number): Promise<Uint8Array> {
  const chain = await FontChain.open(await findFontSources({ fallbacks: [] }, {}));
  const model: DocumentModel = { title: 'signature', sheets: [{ width: 150, height: 150, items: [{ type: 'signature', field: 'applicant', box, signature: zigzag(aspectRatio) }] }] };
  return (await paint(model, chain)).pdf;
}

const region = (x: number, y: number, width: number, height: number) => ({ x: x * MM, y: y * MM, width: width * MM, height: height * MM });

describe('signature strokes', () => {
  it('draws the strokes inside the signer box and nowhere else', async () => {
    const pdf = await render();
    expect(await inkShare(pdf, 1, region(box.x, box.y, box.width, box.height))).toBeGreaterThan(0.01);
    expect(await inkShare(pdf, 1, region(0, 0, 150, box.y - 1))).toBe(0);
    expect(await inkShare(pdf, 1, region(box.x + box.width + 1, 0, 40, 150))).toBe(0);
  });

  it('keeps the pad aspect ratio: a wide pad fills a band across a square box', async () => {
    // Pad 4:1 into a 60 x 60 mm box: 60 x 15 mm centred, so the top and bottom 20 mm stay clean.
    const pdf = await render(4);
    expect(await inkShare(pdf, 1, region(box.x, box.y + 24, box.width, 12))).toBeGreaterThan(0.01);
    expect(await inkShare(pdf, 1, region(box.x, box.y, box.width, 20))).toBe(0);
    expect(await inkShare(pdf, 1, region(box.x, box.y + 40, box.width, 20))).toBe(0);
  });
});
