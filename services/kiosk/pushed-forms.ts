/**
 * Pushed application forms: the officer sends the form's content (service
 * item, applicant, values); the terminal renders and holds it (the same bytes
 * the pad shows and the signature is bound to), the resident signs on the pad,
 * and the signed PDF goes to the centre with its binding, once.
 */
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import type { KioskPrompt } from '../../domain/kiosk-session';
import type { Signature } from '../../domain/signature';
import type { TerminalLocation } from '../../domain/terminal-location';
import { bindSignatureWith, type BindingSigner } from '../../signing/signature-binding';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';

const pushSchema = z
  .object({
    pushId: z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/),
    serviceItemId: z.string().min(1).max(64),
    applicant: z.object({ cardType: z.enum(['resident', 'foreign-permanent', 'hmt-residence', 'passport']).or(z.string().max(32)), name: z.string().min(1).max(60), idNumber: z.string().min(1).max(40) }).strict(),
    form: z.record(z.string().max(64), z.string().max(2_000)),
  })
  .strict();

export interface PushedFormDeps {
  /** Renders and holds the form; the id names the held bytes. */
  render(content: { serviceItemId: string; applicant: { cardType: string; name: string; idNumber: string }; form: Record<string, string> }): Promise<{ formId: string }>;
  heldPdf(formId: string): Uint8Array;
  endSignature(): Promise<Signature>;
  signer(): BindingSigner & { terminalId: string };
  prompt(next: KioskPrompt): void;
  /** Door-to-door pad mode: where the pad is, sent with the case (none on a fixed terminal). */
  location?: () => TerminalLocation | undefined;
  /** Prints the held form on the terminal's A4 printer (the resident signs the paper by hand); the job's id. */
  print?(formId: string): Promise<{ jobId: string }>;
  /** Photos taken with the document camera (captures held by the services), in page order. */
  photos?(captureIds: readonly string[]): { mimeType: string; data: Uint8Array }[];
}

/** Pages of a signed paper form the centre takes in one go; each photo is its own event (a channel frame holds 4 MiB). */
const MAX_PHOTOS = 10;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export class PushedForms {
  #current: { pushId: string; formId: string; applicantName: string } | undefined;

  constructor(
    private readonly channel: CentreChannel,
    private readonly deps: PushedFormDeps,
  ) {
    channel.handle('form.push', async (payload) => {
      const parsed = pushSchema.safeParse(payload);
      if (!parsed.success) throw new TerminalError('form-push-invalid', parsed.error.message.slice(0, 300));
      const { pushId, ...content } = parsed.data;
      const { formId } = await deps.render(content);
      this.#current = { pushId, formId, applicantName: content.applicant.name };
      deps.prompt({ kind: 'form', pushId, formId });
      return { formId, shown: true };
    });
  }

  /**
   * The resident prefers paper: the held form (the bytes the officer pushed, rendered once) is printed on the A4
   * printer, signed by hand, and photographed back (`sendPhotos`).
   */
  async print(formId: string): Promise<{ jobId: string }> {
    this.#pushed(formId);
    if (!this.deps.print) throw new TerminalError('form-print-no-printer', 'no printer is configured on this terminal');
    return this.deps.print(formId);
  }

  /** The photos of the hand-signed pages go to the centre with the case, each once (event id per page). */
  sendPhotos(formId: string, captureIds: readonly string[]): { pages: number } {
    const current = this.#pushed(formId);
    if (captureIds.length === 0 || !this.deps.photos) throw new TerminalError('form-photos-missing', 'no photo of the signed form was taken');
    if (captureIds.length > MAX_PHOTOS) throw new TerminalError('form-photos-invalid', `at most ${MAX_PHOTOS} pages`);
    const photos = this.deps.photos(captureIds);
    for (const photo of photos) {
      const jpeg = photo.mimeType === 'image/jpeg' && photo.data[0] === 0xff && photo.data[1] === 0xd8;
      if (!jpeg || photo.data.length > MAX_PHOTO_BYTES) throw new TerminalError('form-photos-invalid', 'a photo is not a JPEG within 2 MiB');
    }
    const location = this.deps.location?.();
    photos.forEach((photo, index) =>
      this.channel.publish(
        'form.photographed',
        { pushId: current.pushId, page: index + 1, pages: photos.length, mimeType: photo.mimeType, data: Buffer.from(photo.data).toString('base64'), ...(location ? { location } : {}) },
        `form-photo-${current.pushId}-${index + 1}`,
      ),
    );
    this.#current = undefined;
    this.deps.prompt({ kind: 'none' });
    return { pages: photos.length };
  }

  #pushed(formId: string): { pushId: string; formId: string; applicantName: string } {
    const current = this.#current;
    if (!current || current.formId !== formId) throw new TerminalError('form-not-pushed', 'this form was not pushed by the centre');
    return current;
  }

  /** The resident has signed on the pad (capture begun with this form on its screen): bind and send, once. */
  async finish(formId: string): Promise<void> {
    const current = this.#current;
    if (!current || current.formId !== formId) throw new TerminalError('form-not-pushed', 'this form was not pushed by the centre');
    const signature = await this.deps.endSignature();
    const document = this.deps.heldPdf(formId);
    const signer = this.deps.signer();
    const binding = bindSignatureWith({ document, signature, signer: { role: 'applicant', name: current.applicantName }, signedAt: new Date().toISOString(), terminalId: signer.terminalId }, signer);
    // The signature's points go with the form so the centre can check the binding itself.
    const location = this.deps.location?.();
    this.channel.publish(
      'form.signed',
      { pushId: current.pushId, pdf: Buffer.from(document).toString('base64'), signature, binding, ...(location ? { location } : {}) },
      `form-signed-${current.pushId}`,
    );
    this.#current = undefined;
    this.deps.prompt({ kind: 'none' });
  }
}
