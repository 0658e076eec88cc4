import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../test-support/engine';
import { pdfText } from '../test-support/poppler';
import * as samples from '../test-support/samples';

const run = promisify(execFile);

/** poppler's `pdfimages -list`: each embedded image's pixel size and encoding. */
async function pdfImages(pdf: Uint8Array): Promise<{ width: number; height: number; encoding: string; xPpi: number }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wt-images-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const { stdout } = await run('pdfimages', ['-list', join(dir, 'doc.pdf')]);
    return stdout
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .map((columns) => ({ width: Number(columns[3]), height: Number(columns[4]), encoding: columns[8]!, xPpi: Number(columns[12]) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const photo = async (width: number, height: number): Promise<string> =>
  (await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 60 } } }).jpeg().toBuffer()).toString('base64');

describe('the review form prints the parties\' photos at 2-inch size', () => {
  it('embeds the joint photo once, as JPEG, at 53 mm wide, with its caption', async () => {
    const engine = await testEngine();
    const jpegBase64 = await photo(530, 350);
    const { pdf } = await engine.render('review-form', { ...samples.review, photos: [{ caption: '双方合影', shape: 'joint', jpegBase64 }] });
    const images = await pdfImages(pdf);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ width: 530, height: 350, encoding: 'jpeg' });
    // 530 px over 53 mm is 254 pixels per inch: the photo prints at its 2-inch size.
    expect(images[0]!.xPpi).toBe(254);
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('双方合影');
  });

  it('refuses a photo that is not a JPEG with a coded error naming it', async () => {
    const engine = await testEngine();
    await expect(engine.render('review-form', { ...samples.review, photos: [{ caption: '王建国照片', shape: 'single', jpegBase64: 'iVBORw0KGgoAAAANSUhEUg==' }] })).rejects.toMatchObject({
      code: 'document-image-invalid',
      details: { fields: ['photos[0]'] },
    });
  });
});
