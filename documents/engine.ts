import certificateLayout from './layouts/marriage-certificate.json';
import { DocumentError, type DocumentWarning } from './errors';
import { FontChain } from './fonts/font-chain';
import type { FontSources } from './fonts/font-source';
import { applicationForm } from './kinds/application-form';
import type { DocumentKind } from './kinds/kind';
import { CERTIFICATE_FIELDS, marriageCertificate } from './kinds/marriage-certificate';
import { marriageDeclaration } from './kinds/marriage-declaration';
import { divorceReceipt } from './kinds/divorce-receipt';
import { divorceWithdrawal } from './kinds/divorce-withdrawal';
import { recordCertificate } from './kinds/record-certificate';
import { pledgeConfirmation } from './kinds/pledge-confirmation';
import { reviewForm } from './kinds/review-form';
import { handoverReceipt } from './kinds/handover-receipt';
import { divorceDeclaration } from './kinds/divorce-declaration';
import { registryDayReport } from './kinds/registry-day-report';
import { templateForm } from './kinds/template-form';
import { withdrawalApplication } from './kinds/withdrawal-application';
import { replacementDeclaration } from './kinds/replacement-declaration';
import { recordCertificateApplication } from './kinds/record-certificate-application';
import { parseOverlayLayout, type OverlayLayout } from './layout';
import { paint, type Calibration } from './paint/painter';
import { parseData, parsePath } from './validate';

export const DOCUMENT_KINDS = [
  marriageCertificate,
  marriageDeclaration,
  divorceReceipt,
  reviewForm,
  handoverReceipt,
  registryDayReport,
  divorceDeclaration,
  applicationForm,
  templateForm,
  pledgeConfirmation,
  // The registry businesses' A4 papers (withdrawal confirmation, record certificate).
  divorceWithdrawal,
  recordCertificate,
  // The papers one applicant signs at the desk: withdrawal, replacement, record certificate.
  withdrawalApplication,
  replacementDeclaration,
  recordCertificateApplication,
] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number]['name'];

/** Calibration offsets beyond this are a mis-measurement, not a printer's drift. */
const MAX_CALIBRATION_MM = 20;

export interface DocumentEngineOptions {
  fonts: FontSources;
  /** Replaces the certificate overlay layout (parsed JSON), e.g. for another stock. */
  certificateLayout?: unknown;
}

export interface RenderOptions {
  /** Per-printer offsets in millimetres (x right, y down), added to every position. */
  calibration?: Calibration;
}

export interface RenderResult {
  pdf: Uint8Array;
  title: string;
  pageCount: number;
  warnings: DocumentWarning[];
}

export interface DocumentEngine {
  readonly kinds: readonly string[];
  /** Validates `data` for `kind` and renders it. Throws only DocumentError. */
  render(kind: string, data: unknown, options?: RenderOptions): Promise<RenderResult>;
}

/** Opens the fonts once (the slow part) and returns an engine that renders any kind. */
export async function createDocumentEngine(options: DocumentEngineOptions): Promise<DocumentEngine> {
  const layouts: Record<string, OverlayLayout> = {
    'marriage-certificate': parseOverlayLayout(options.certificateLayout ?? certificateLayout, CERTIFICATE_FIELDS),
  };
  const chain = await guard(() => FontChain.open(options.fonts));
  const kinds = new Map<string, DocumentKind<unknown>>(DOCUMENT_KINDS.map((kind) => [kind.name, kind as unknown as DocumentKind<unknown>]));
  return {
    kinds: [...kinds.keys()],
    render: (kindName, data, renderOptions = {}) =>
      guard(async () => {
        const kind = kinds.get(kindName);
        if (!kind) throw new DocumentError('document-kind-unknown', `Unknown document kind ${kindName}; known: ${[...kinds.keys()].join(', ')}`, { kind: kindName });
        const calibration = checkCalibration(renderOptions.calibration);
        const parsed = parseData(kind.schema, data, kind.label);
        const model = await kind.build(parsed, { layouts });
        const painted = await paint(model, chain, calibration);
        // The officer reads a warning by the field's label; the path stays in `field` for the log.
        const warnings = [...(model.warnings ?? []), ...painted.warnings].map((warning) => ({ ...warning, params: { ...warning.params, field: kind.label(parsePath(warning.field), data) } }));
        return { pdf: painted.pdf, title: model.title, pageCount: painted.pageCount, warnings };
      }),
  };
}

function checkCalibration(calibration: Calibration | undefined): Calibration {
  if (!calibration) return { x: 0, y: 0 };
  const invalid = (['x', 'y'] as const)
    .filter((axis) => !Number.isFinite(calibration[axis]) || Math.abs(calibration[axis]) > MAX_CALIBRATION_MM)
    .map((axis) => ({ field: `calibration.${axis}`, problem: `expected a number of millimetres between -${MAX_CALIBRATION_MM} and ${MAX_CALIBRATION_MM}` }));
  if (invalid.length > 0) throw new DocumentError('document-data-invalid', `Calibration out of range: ${JSON.stringify(calibration)}`, { invalid });
  return calibration;
}

/** Lets only DocumentError out, so callers can always show a coded message. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('document-render-failed', `Document generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
