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
}

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
