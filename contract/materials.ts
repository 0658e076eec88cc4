/**
 * Calls and events for scanning a material's pages (the document scanner's
 * feeder batches), kept in their own table and spread into the contract
 * (api.ts). Pages are held by the services; the renderer orders, drops and
 * replaces them by captureId.
 */
import { z } from 'zod';
import { capturedMaterialSchema } from './schemas';

const materialOf = { serviceItemId: z.string().min(1).max(64), materialKey: z.string().min(1).max(64) };

export const materialScanCalls = {
  /**
   * Starts a feeder batch for a material, at the resolution and colour mode the item gives it. Pages arrive as
   * `documentScanner.batchPage` events, then one `documentScanner.batchEnded`.
   */
  'documentScanner.batchStart': {
    input: z.object({ ...materialOf, sides: z.enum(['simplex', 'duplex']) }).strict(),
    output: z.object({ batchId: z.string() }),
  },
  /** The document scanners SANE reaches now: USB ones and network ones (eSCL/WSD through sane-airscan), with their connection. */
  'documentScanner.list': {
    input: z.object({}).strict().optional(),
    output: z.array(z.object({ device: z.string(), description: z.string(), backend: z.string(), connection: z.enum(['usb', 'network', 'virtual', 'other']) })),
  },
  /** The renderer's finding about the document camera (only it can see cameras): it joins the devices in the status bar. */
  'documentCamera.report': {
    input: z
      .object({
        state: z.enum(['ready', 'absent', 'busy', 'error']),
        problem: z.enum(['document-camera-not-found', 'document-camera-denied', 'document-camera-busy']).optional(),
        label: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Stops the batch after the page in the feeder; the pages scanned so far are kept. */
  'documentScanner.batchStop': { input: z.object({ batchId: z.string().min(1).max(64) }).strict(), output: z.object({ ok: z.literal(true) }) },
} as const;

export const materialScanEvents = {
  /** One page of a batch, cleaned and held (its index counts pages in feeder order, from 0). */
  'documentScanner.batchPage': z.custom<{ batchId: string; materialKey: string; index: number; page: z.infer<typeof capturedMaterialSchema> }>(),
  /** The batch is over: how many pages it delivered, and what ended it early (an officer message code with its params). */
  'documentScanner.batchEnded': z.custom<{
    batchId: string;
    materialKey: string;
    pages: number;
    stopped: boolean;
    fault?: { code: string; params: Record<string, string | number> };
  }>(),
} as const;
