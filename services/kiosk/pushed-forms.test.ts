/** Pushed forms on paper: printed from the held bytes, photographed back page by page, each page sent once. */
import { describe, expect, it } from 'vitest';
import type { KioskPrompt } from '../../domain/kiosk-session';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { PushedForms, type PushedFormDeps } from './pushed-forms';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const PUSH = { pushId: 'form-t1', serviceItemId: 'meal-assistance', applicant: { cardType: 'resident', name: '张三', idNumber: '110101199003070011' }, form: { name: '张三' } };

function setup(photos: Record<string, { mimeType: string; data: Uint8Array }>, deps: Partial<PushedFormDeps> = {}) {
  const handlers = new Map<string, (payload: unknown) => unknown>();
  const published: { name: string; payload: Record<string, unknown>; id: string }[] = [];
  const channel = {
    handle: (name: string, handler: (payload: unknown) => unknown) => handlers.set(name, handler),
    publish: (name: string, payload: Record<string, unknown>, id: string) => published.push({ name, payload, id }),
  } as unknown as CentreChannel;
  const prompts: KioskPrompt[] = [];
  const printed: string[] = [];
  const forms = new PushedForms(channel, {
    render: () => Promise.resolve({ formId: 'held-1' }),
    heldPdf: () => new Uint8Array([0x25]),
    endSignature: () => Promise.reject(new Error('not used')),
    signer: () => {
      throw new Error('not used');
    },
    prompt: (next) => prompts.push(next),
    print: (formId) => {
      printed.push(formId);
      return Promise.resolve({ jobId: 'job-1' });
    },
    photos: (ids) => ids.map((id) => photos[id]!),
    location: () => ({ source: 'configured-address', address: '上海市黄浦区中山东一路1号' }),
    ...deps,
  });
  return { forms, handlers, published, prompts, printed };
}

describe('pushed forms on paper', () => {
  it('prints the held form, then sends each photographed page once with the location, and clears the prompt', async () => {
    const { forms, handlers, published, prompts, printed } = setup({ a: { mimeType: 'image/jpeg', data: JPEG }, b: { mimeType: 'image/jpeg', data: JPEG } });
    await handlers.get('form.push')!(PUSH);
    expect(await forms.print('held-1')).toEqual({ jobId: 'job-1' });
    expect(printed).toEqual(['held-1']);
    expect(forms.sendPhotos('held-1', ['a', 'b'])).toEqual({ pages: 2 });
    expect(published.map((event) => [event.name, event.id, event.payload.page, event.payload.pages])).toEqual([
      ['form.photographed', 'form-photo-form-t1-1', 1, 2],
      ['form.photographed', 'form-photo-form-t1-2', 2, 2],
    ]);
    expect(published[0]!.payload).toMatchObject({ pushId: 'form-t1', mimeType: 'image/jpeg', data: Buffer.from(JPEG).toString('base64'), location: { source: 'configured-address' } });
    expect(prompts.at(-1)).toEqual({ kind: 'none' });
    // Sent: the form is no longer waiting, a second send is refused.
    expect(() => forms.sendPhotos('held-1', ['a'])).toThrow(expect.objectContaining({ code: 'form-not-pushed' }));
  });

  it('refuses a form the centre did not push, no photo, a photo that is not a JPEG, and printing without a printer', async () => {
    const { forms, handlers, published } = setup({ png: { mimeType: 'image/jpeg', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) } }, { print: undefined });
    await expect(forms.print('held-1')).rejects.toMatchObject({ code: 'form-not-pushed' });
    await handlers.get('form.push')!(PUSH);
    await expect(forms.print('held-1')).rejects.toMatchObject({ code: 'form-print-no-printer' });
    expect(() => forms.sendPhotos('held-1', [])).toThrow(expect.objectContaining({ code: 'form-photos-missing' }));
    expect(() => forms.sendPhotos('held-1', ['png'])).toThrow(expect.objectContaining({ code: 'form-photos-invalid' }));
    expect(published).toEqual([]);
  });
});
