/**
 * Signing on the pad: the pad's screen shows the page being signed, the
 * resident signs, the officer ends the capture and gets the point series.
 */
import { TerminalError } from '../contract/errors';
import type { Logger } from '../domain/logger';
import type { Signature } from '../domain/signature';
import type { SignaturePadDriver } from '../drivers/signature-pad/driver';
import { renderPdfForPad } from '../drivers/signature-pad/screen-render';

export interface SignatureCapture {
  /** The pad's screen shows this form (the held bytes, rendered for the pad here, never by the renderer). */
  begin(pdf?: Uint8Array): Promise<void>;
  end(): Promise<Signature>;
  cancel(): Promise<void>;
}

export function createSignatureCapture(pad: SignaturePadDriver | undefined, logger: Logger): SignatureCapture {
  const requirePad = (): SignaturePadDriver => {
    if (!pad || pad.status().state !== 'ready') throw new TerminalError('signature-pad-not-ready', 'no signature pad is ready');
    return pad;
  };
  return {
    async begin(pdf) {
      const driver = requirePad();
      const size = driver.screenSize();
      let screen;
      if (pdf && size) {
        try {
          screen = await renderPdfForPad(pdf, { screenWidth: size.width, screenHeight: size.height });
        } catch (error) {
          // Signing still works without the picture; the officer shows the paper instead.
          logger.warn('pad screen not rendered', { detail: (error as Error).message });
        }
      }
      await driver.beginCapture(screen ? { screen } : {});
    },
    async end() {
      return (await requirePad().endCapture()).signature;
    },
    cancel: () => requirePad().cancelCapture(),
  };
}
