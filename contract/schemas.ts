/**
 * Wire schemas for the domain types. Each is annotated with its domain type so
 * the two cannot drift apart silently: a mismatch fails the type check.
 */
import { z } from 'zod';
import { PAGE_COLOURS } from '../domain/material-scan';
import { IDENTITY_DOCUMENT_TYPES } from '../domain/applicant';
import { CARD_TYPES, SEXES, type CardReading, type IdentityCard } from '../domain/identity-card';
import { DEVICE_KINDS, DEVICE_STATES, type DeviceStatus } from '../domain/device';
import type { SocialSecurityCardReading } from '../domain/social-security-card';
import { CASE_SYNC_STATES, IDENTITY_SOURCES, type CaseDraft, type CaseRecord } from '../domain/case';
import { STORAGE_LEVELS, type StorageStatus } from '../domain/storage';
import type { SyncScreen, SyncStatus } from '../domain/sync-status';
import type { FormField, ServiceItem } from '../domain/service-item';
import { OFFICER_STATES, type OfficerStatus } from '../domain/officer';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const identityCardSchema: z.ZodType<IdentityCard, IdentityCard> = z.object({
  cardType: z.enum(CARD_TYPES),
  name: z.string(),
  englishName: z.string().optional(),
  sex: z.enum(SEXES),
  ethnicityCode: z.string().optional(),
  ethnicity: z.string().optional(),
  birthDate: isoDate,
  address: z.string().optional(),
  idNumber: z.string(),
  issuer: z.string().optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  passNumber: z.string().optional(),
  issueCount: z.number().int().optional(),
  nationality: z.string().optional(),
  photo: z.string(),
});

export const cardReadingSchema: z.ZodType<CardReading, CardReading> = z.object({
  card: identityCardSchema,
  warnings: z.array(z.enum(['id-number-check-digit', 'card-expired'])),
  readAt: z.number(),
  readingId: z.string().optional(),
});

export const socialSecurityCardReadingSchema: z.ZodType<SocialSecurityCardReading, SocialSecurityCardReading> = z.object({
  card: z.object({
    cardNumber: z.string(),
    socialSecurityNumber: z.string(),
    name: z.string(),
    sex: z.enum(SEXES),
    ethnicityCode: z.string().optional(),
    birthDate: z.string().optional(),
    issuingRegionCode: z.string(),
    cardIdentifier: z.string(),
    specVersion: z.string(),
    issuedOn: z.string(),
    validTo: z.string(),
  }),
  warnings: z.array(z.enum(['id-number-check-digit', 'card-expired'])),
  readAt: z.number(),
  readingId: z.string().optional(),
});

export const deviceStatusSchema: z.ZodType<DeviceStatus, DeviceStatus> = z.object({
  id: z.string(),
  kind: z.enum(DEVICE_KINDS),
  state: z.enum(DEVICE_STATES),
  address: z.string().optional(),
  problem: z.string().optional(),
  detail: z.string().optional(),
});

/** Bounds keep a hostile or buggy renderer from writing unbounded rows. */
/** A pad samples at most ~200 points a second; 20,000 is a very long signature. */
const signatureSchema = z.object({
  points: z
    .array(z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), pressure: z.number().min(0).max(1), t: z.number().min(0) }))
    .max(20_000),
  aspectRatio: z.number().positive().max(20).optional(),
});
const signaturesSchema = z.object({ applicant: signatureSchema, guardian: signatureSchema, agent: signatureSchema }).partial();

export const caseDraftSchema: z.ZodType<CaseDraft, CaseDraft> = z.object({
  submissionId: z.uuid().optional(),
  serviceItemId: z.string().min(1).max(64),
  applicant: z.object({
    cardType: z.enum(IDENTITY_DOCUMENT_TYPES),
    name: z.string().min(1).max(128),
    idNumber: z.string().min(1).max(32),
    readingId: z.string().min(1).max(64).optional(),
  }),
  form: z.record(z.string().max(64), z.string().max(4000)).refine((form) => Object.keys(form).length <= 200, 'too many fields'),
  signatures: signaturesSchema.optional(),
  pledgeAccepted: z.boolean().optional(),
  capturedMaterials: z.array(z.object({ materialKey: z.string().min(1).max(64), captureId: z.string().min(1).max(64) })).max(50).optional(),
  formId: z.string().min(1).max(64).optional(),
});

export const caseRecordSchema: z.ZodType<CaseRecord, CaseRecord> = z.object({
  id: z.string(),
  seq: z.number().int(),
  createdAt: z.string(),
  syncState: z.enum(CASE_SYNC_STATES),
  syncedAt: z.string().optional(),
  lastError: z.string().optional(),
  serviceItemId: z.string(),
  applicant: z.object({ cardType: z.enum(IDENTITY_DOCUMENT_TYPES), name: z.string(), idNumber: z.string() }),
  form: z.record(z.string(), z.string()),
  signatures: signaturesSchema.optional(),
  pledgeAccepted: z.boolean().optional(),
  officerId: z.string().optional(),
  purged: z.boolean().optional(),
  identitySource: z.enum(IDENTITY_SOURCES).optional(),
});

export const syncStatusSchema: z.ZodType<SyncStatus, SyncStatus> = z.object({
  backend: z.enum(['online', 'offline', 'unknown']),
  queued: z.number().int(),
  failed: z.number().int(),
  deadLettered: z.number().int(),
  lastSyncAt: z.string().optional(),
  lastError: z.string().optional(),
  uploadsPending: z.number().int().optional(),
  uploadBytesSent: z.number().optional(),
  uploadBytesTotal: z.number().optional(),
  resentAfterRestore: z.object({ at: z.string(), cases: z.number().int(), materials: z.number().int() }).optional(),
  keptMaterialBytes: z.number().optional(),
  materialBudgetBytes: z.number().optional(),
});

export const storageStatusSchema: z.ZodType<StorageStatus, StorageStatus> = z.object({
  freeBytes: z.number(),
  totalBytes: z.number(),
  level: z.enum(STORAGE_LEVELS),
});

export const syncScreenSchema: z.ZodType<SyncScreen, SyncScreen> = z.object({
  status: syncStatusSchema,
  items: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(['case', 'certificate-issued', 'certificate-void', 'desk-event', 'registry-case', 'registry-day-report']),
      refId: z.string(),
      state: z.enum(['queued', 'failed', 'dead-letter']),
      attempts: z.number().int(),
      lastError: z.string().optional(),
      deadReason: z.string().optional(),
      createdAt: z.string(),
    }),
  ),
  uploads: z.array(
    z.object({
      materialId: z.string(),
      caseId: z.string(),
      fileName: z.string(),
      size: z.number(),
      sentBytes: z.number(),
      state: z.enum(['queued', 'uploading', 'done', 'dead-letter']),
      lastError: z.string().optional(),
    }),
  ),
});

const formFieldSchema: z.ZodType<FormField, FormField> = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  type: z.enum(['text', 'date', 'select', 'id-number', 'phone', 'textarea']),
  required: z.boolean(),
  prefill: z.enum(['name', 'sex', 'birthDate', 'idNumber', 'address', 'ethnicity', 'nationality', 'englishName']).optional(),
  options: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string().optional() })).optional(),
  maxLength: z.number().int().optional(),
});

export const serviceItemSchema: z.ZodType<ServiceItem, ServiceItem> = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  category: z.string(),
  formSchema: z.array(formFieldSchema),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      required: z.boolean(),
      scan: z.object({ resolutionDpi: z.number().int().min(75).max(600), colour: z.enum(PAGE_COLOURS) }).optional(),
    }),
  ),
  signers: z.array(z.enum(['applicant', 'guardian', 'agent'])),
  pledge: z.string().optional(),
  revision: z.number().int(),
  retired: z.boolean().optional(),
});

/** A material captured at the counter, held by the terminal; `data` (base64) is for the officer to look at. */
/**
 * A page the terminal holds for a material: `data` is a thumbnail (base64 JPEG) for the screen; the page itself stays
 * with the services, cleaned (straightened, cut to the paper) at the material's resolution and colour mode.
 */
export const capturedMaterialSchema = z.object({
  captureId: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  data: z.string(),
  /** Nothing on it: the officer's screen leaves it out unless they undo that. */
  blank: z.boolean().optional(),
  /** The skew taken out, degrees. */
  skewDeg: z.number().optional(),
});

export const officerStatusSchema: z.ZodType<OfficerStatus, OfficerStatus> = z.object({
  required: z.boolean(),
  state: z.enum(OFFICER_STATES),
  officer: z.object({ officerId: z.string(), account: z.string(), name: z.string() }).optional(),
  mode: z.enum(['online', 'offline']).optional(),
  idleLockMs: z.number(),
});
