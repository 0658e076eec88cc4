import type { IdentityDocumentType } from './applicant';
import type { SignerRole } from './service-item';
import type { Signature, SignatureBinding } from './signature';

/** A captured material by the service item's material key it answers. */
/** chip: an ID card (or a card on the same reader); ssc-chip: a social security card's chip over PC/SC. */
export const IDENTITY_SOURCES = ['chip', 'ssc-chip', 'passport-zone', 'typed'] as const;
export type IdentitySource = (typeof IDENTITY_SOURCES)[number];

export interface CapturedMaterialRef {
  materialKey: string;
  captureId: string;
}

/** What the officer submits; everything else about a case is derived. */
export interface CaseDraft {
  /**
   * Made by the renderer once per form and sent with every attempt to submit it: an attempt repeated after its reply
   * was lost (the services restarted mid-save) returns the case already saved instead of saving a second one. The
   * case takes it as its id.
   */
  submissionId?: string;
  serviceItemId: string;
  applicant: {
    /** The document the applicant was identified by (a card on the reader, or a passport). */
    cardType: IdentityDocumentType;
    name: string;
    idNumber: string;
    /** The reading (card chip or passport zone) the applicant was identified from, as the services hold it. */
    readingId?: string;
  };
  form: Record<string, string>;
  /** Captured on the pad or the canvas, one per signer role of the item's form. */
  signatures?: Partial<Record<SignerRole, Signature>>;
  /** The resident ticked the item's pledge instead of copying it by hand. */
  pledgeAccepted?: boolean;
  /**
   * Materials captured at the counter (scans, photos), held by the terminal until the case is saved; they are
   * saved as the case's materials in the same transaction.
   */
  capturedMaterials?: CapturedMaterialRef[];
  /**
   * The application form the resident was shown and signed, held by the terminal under this id (from
   * `forms.render`); the signatures are bound to exactly those bytes. Not stored with the case.
   */
  formId?: string;
  /**
   * Made by the terminal, never taken from the renderer: whether the applicant's identity came from a card's chip
   * (ID card reader, or a social security card over PC/SC), a passport zone read by a reader, or typing.
   */
  identitySource?: IdentitySource;
  /** Made by the terminal when the case is saved, never sent by the renderer: each signature bound to the signed form. */
  signatureBindings?: Partial<Record<SignerRole, SignatureBinding>>;
}

/**
 * queued: saved locally, waiting for the backend. synced: the backend holds it.
 * failed: the last attempt hit a temporary error; it will be retried.
 * dead-letter: the backend refused it for good; the officer must act.
 */
export const CASE_SYNC_STATES = ['queued', 'synced', 'failed', 'dead-letter'] as const;
export type CaseSyncState = (typeof CASE_SYNC_STATES)[number];

export interface CaseRecord extends CaseDraft {
  id: string;
  /** Per-terminal sequence number of the outbox item that carries this case. */
  seq: number;
  createdAt: string;
  syncState: CaseSyncState;
  syncedAt?: string;
  lastError?: string;
  /** The signed-in officer who received the case; absent on a terminal that works without sign-in. */
  officerId?: string;
  /**
   * The centre confirmed the case archived and the retention passed: its personal data was removed from this
   * terminal, the applicant's name and number are masked and the form is empty.
   */
  purged?: boolean;
}
