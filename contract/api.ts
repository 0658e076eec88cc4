/**
 * The one contract between the renderer and the terminal's services: every
 * call, every event. Both transports (Electron IPC and the loopback WebSocket)
 * are generated from these two tables, so a call added here exists in both.
 */
import { z } from 'zod';
import type { PassportReading } from '../domain/mrz';
import { OCR_WARNING_CODES } from '../domain/ocr-cross-check';
import type { ScanReading } from '../domain/scan-payload';
import type { PrintJobRecord, PrinterInfo } from '../domain/printing';
import type { Signature } from '../domain/signature';
import { TERMINAL_PROFILES } from '../domain/terminal-profile';
import type { CardReading } from '../domain/identity-card';
import type { SocialSecurityCardReading } from '../domain/social-security-card';
import { CARD_REQUESTERS, type CardRequester } from '../domain/card-requesters';
import {
  cardReadingSchema,
  socialSecurityCardReadingSchema,
  caseDraftSchema,
  capturedMaterialSchema,
  caseRecordSchema,
  deviceStatusSchema,
  officerStatusSchema,
  serviceItemSchema,
  storageStatusSchema,
  syncScreenSchema,
  syncStatusSchema,
} from './schemas';
import { SERVICES_STATES } from './services-port';
import { kioskCalls, kioskEvents } from './kiosk';
import { materialScanCalls, materialScanEvents } from './materials';
import { registryCalls, registryEvents } from './registry';
import { registryArchiveCalls } from './registry-archive';
import { registryBusinessCalls } from './registry-business';
import { fleetCalls, fleetEvents } from './fleet';

const none = z.object({}).strict().optional();
const calibrationSchema = z.object({ x: z.number(), y: z.number() });
/** The certificate's variable text without its number; the documents engine validates the rest. */
const certificateRequestSchema = z
  .object({
    type: z.enum(['J', 'L', 'BJ', 'BL']),
    /** Absent: the configured certificate printer (role `certificate`). */
    printerId: z.string().min(1).max(512).optional(),
    data: z.record(z.string(), z.unknown()),
    /** The case the number is issued in: required for a first print; a reprint stays in the spoiled number's case. */
    caseId: z.string().max(64).optional(),
    /** For a divorce certificate: the joint application, found through the centre (registry.findDivorceApplications). */
    divorceApplicationId: z.string().max(64).optional(),
    /** For a replacement (BJ/BL): the original registration's number (registry.findOriginalRegistration). */
    originalNumber: z.string().max(40).optional(),
    /** For a marriage certificate: the national review of both parties (registry.review). */
    reviewId: z.string().max(64).optional(),
  })
  .strict();
/** The number issued and the case it is linked to. */
const certificateOutcomeSchema = z.object({
  number: z.string(),
  job: z.custom<PrintJobRecord>(),
  caseId: z.string(),
  /** The registration date the certificate carries: for J and L the registry's day at print time, whatever was sent. */
  registeredOn: z.string().optional(),
});

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const calls = {
  'app.info': call(
    none,
    z.object({
      version: z.string(),
      terminalId: z.string().optional(),
      profile: z.enum(TERMINAL_PROFILES),
      backendUrl: z.string(),
      registryCode: z.string(),
      simulatedDevices: z.boolean(),
      /** Door-to-door (上门办) pad mode: the renderer reports the device's geolocation. */
      doorToDoor: z.boolean(),
    }),
  ),
  /** The officer-facing text of every error code the services can raise. */
  'app.messages': call(none, z.record(z.string(), z.object({ 'zh-CN': z.string(), en: z.string() }))),
  /** Free space on the disk holding the terminal's data, measured now. */
  'app.storage': call(none, storageStatusSchema),
  /** Who is signed in at this terminal, whether sign-in is required, whether the screen is locked. */
  'officer.status': call(none, officerStatusSchema),
  /** Staff account and password, checked by the backend (offline: against the verifier cached at the last online sign-in). */
  'officer.signIn': call(z.object({ account: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict(), officerStatusSchema),
  'officer.signOut': call(none, officerStatusSchema),
  /** Lock the screen now (the officer steps away, or the renderer saw no input for the idle period). */
  'officer.lock': call(none, officerStatusSchema),
  /** Only the officer who was signed in unlocks, with their password. */
  'officer.unlock': call(z.object({ password: z.string().min(1).max(256) }).strict(), officerStatusSchema),
  /** The officer is at work (input seen): restarts the services' idle clock. */
  'officer.touch': call(none, z.object({ ok: z.literal(true) })),
  'devices.list': call(none, z.array(deviceStatusSchema)),
  'devices.selfCheck': call(none, z.array(deviceStatusSchema)),
  'idCard.read': call(z.object({ timeoutMs: z.number().int().min(100).max(60_000) }).strict(), cardReadingSchema),
  /** This screen takes the card readers' next readings (idCard.cardRead and socialSecurityCard.cardRead addressed to it) until it releases them or another screen asks. */
  'idCard.request': call(z.object({ requesterId: z.enum(CARD_REQUESTERS) }).strict(), z.object({ ok: z.literal(true) })),
  /** This screen no longer wants readings (it closed or was hidden); a no-op unless it owns the reader. */
  'idCard.release': call(z.object({ requesterId: z.enum(CARD_REQUESTERS) }).strict(), z.object({ ok: z.literal(true) })),
  /** The social security card in the PC/SC reader, or the next one inserted within timeoutMs. */
  'socialSecurityCard.read': call(z.object({ timeoutMs: z.number().int().min(100).max(60_000) }).strict(), socialSecurityCardReadingSchema),
  'catalogue.list': call(none, z.array(serviceItemSchema)),
  /** Scan one page on the document scanner; the terminal keeps it until the case is saved or it is discarded. */
  'documentScanner.scan': call(
    z
      .object({
        resolutionDpi: z.number().int().min(75).max(600).optional(),
        mode: z.enum(['Gray', 'Color']).optional(),
        /** For a service item's material: scanned and cleaned at the resolution and colour mode the item gives it. */
        serviceItemId: z.string().min(1).max(64).optional(),
        materialKey: z.string().min(1).max(64).optional(),
      })
      .strict()
      .optional(),
    capturedMaterialSchema,
  ),
  /**
   * A photo taken in the renderer (document camera) for a material; the terminal keeps it like a scan. Base64 of a
   * JPEG, small enough for one message.
   */
  'captures.add': call(
    z
      .object({
        mimeType: z.literal('image/jpeg'),
        data: z.string().min(8).max(950_000).regex(/^[A-Za-z0-9+/]+={0,2}$/),
        serviceItemId: z.string().min(1).max(64).optional(),
        materialKey: z.string().min(1).max(64).optional(),
      })
      .strict(),
    capturedMaterialSchema,
  ),
  /**
   * OCR cross-check of a captured material (an ID card copy, a listed certificate) against the form's name and ID
   * number: warnings naming the field, never a refusal. Read offline, off the services' main thread.
   */
  'materials.crossCheck': call(
    z.object({ captureId: z.string().min(1).max(64), name: z.string().max(64), idNumber: z.string().max(32) }).strict(),
    z.object({
      idNumbers: z.array(z.string()),
      name: z.string().optional(),
      warnings: z.array(z.object({ code: z.enum(OCR_WARNING_CODES), field: z.enum(['idNumber', 'name']), params: z.object({ found: z.string() }).optional() })),
      ms: z.number(),
    }),
  ),
  /** Drop a captured material the officer does not want (a bad scan). */
  'captures.discard': call(z.object({ captureId: z.string().min(1).max(64) }).strict(), z.object({ ok: z.literal(true) })),
  'cases.create': call(caseDraftSchema, caseRecordSchema),
  'cases.list': call(z.object({ limit: z.number().int().min(1).max(500).optional() }).strict().optional(), z.array(caseRecordSchema)),
  'sync.status': call(none, syncStatusSchema),
  'sync.retryNow': call(none, z.object({ ok: z.literal(true) })),
  'sync.screen': call(none, syncScreenSchema),
  /** The officer corrected a case the backend refused and sends it again. */
  'sync.retryDeadLetter': call(
    z.object({ seq: z.number().int().positive(), form: z.record(z.string().max(64), z.string().max(4000)).optional() }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  /** Render a document for the print preview; certificates are shifted by the chosen printer's calibration. */
  'documents.preview': call(
    z.object({ kind: z.string().min(1).max(64), data: z.unknown(), printerId: z.string().max(512).optional() }).strict(),
    z.object({
      pdf: z.string(),
      title: z.string(),
      pageCount: z.number().int(),
      warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    }),
  ),
  'printers.list': call(none, z.object({ printers: z.array(z.custom<PrinterInfo>()), cups: z.string() })),
  'print.submit': call(
    z.object({ printerId: z.string().min(1).max(512), kind: z.string().min(1).max(64), data: z.unknown(), copies: z.number().int().min(1).max(10).optional(), caseId: z.string().max(64).optional() }).strict(),
    z.custom<PrintJobRecord>(),
  ),
  'print.jobs': call(none, z.array(z.custom<PrintJobRecord>())),
  'print.retry': call(z.object({ jobId: z.string().min(1).max(64), printerId: z.string().max(512).optional() }).strict(), z.custom<PrintJobRecord>()),
  'print.cancel': call(z.object({ jobId: z.string().min(1).max(64) }).strict(), z.custom<PrintJobRecord>()),
  'calibration.get': call(z.object({ printerId: z.string().min(1).max(512) }).strict(), calibrationSchema),
  /** Where the calibration page's 20 mm target landed, measured by the officer from the paper's left and top edges. */
  'calibration.set': call(
    z.object({ printerId: z.string().min(1).max(512), measured: z.object({ x: z.number().min(0).max(60), y: z.number().min(0).max(60) }) }).strict(),
    calibrationSchema,
  ),
  'calibration.printPage': call(z.object({ printerId: z.string().min(1).max(512) }).strict(), z.custom<PrintJobRecord>()),
  /** Starts a capture on the signature pad, its screen showing the held form being signed (rendered by the services). */
  'signaturePad.begin': call(z.object({ formId: z.string().min(1).max(64).optional() }).strict(), z.object({ ok: z.literal(true) })),
  /**
   * Renders a case's application form from the terminal's own catalogue and holds the bytes under an id: the preview,
   * the pad's screen, the print and the signature binding all use exactly these bytes.
   */
  'forms.render': call(
    caseDraftSchema,
    z.object({
      formId: z.string(),
      pdf: z.string(),
      title: z.string(),
      pageCount: z.number().int(),
      warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    }),
  ),
  /** Prints a held form, as shown. */
  'forms.print': call(
    z.object({ formId: z.string().min(1).max(64), printerId: z.string().min(1).max(512), copies: z.number().int().min(1).max(10).optional() }).strict(),
    z.custom<PrintJobRecord>(),
  ),
  'signaturePad.end': call(none, z.custom<Signature>()),
  'signaturePad.cancel': call(none, z.object({ ok: z.literal(true) })),
  /** Takes the next number from the leased block, prints the certificate overlay and waits for the printer. */
  'certificates.print': call(certificateRequestSchema, certificateOutcomeSchema),
  /** The cooling-off period and certificate window of a divorce application, on the backend's working-day calendar. */
  'certificates.divorcePeriods': call(
    z.object({ receivedOn: z.iso.date() }).strict(),
    z.object({ coolingOffEnds: z.string(), windowOpens: z.string(), windowCloses: z.string(), holidayCalendar: z.boolean() }),
  ),
  /** A spoiled print: its number is voided (reported to the backend) and the certificate prints under a new number. */
  'certificates.reprint': call(
    certificateRequestSchema.extend({ spoiledNumber: z.string().min(1).max(40), reason: z.enum(['spoiled', 'other']) }),
    certificateOutcomeSchema.extend({ voided: z.string() }),
  ),
  ...materialScanCalls,
  ...kioskCalls,
  ...registryCalls,
  ...registryArchiveCalls,
  ...registryBusinessCalls,
  ...fleetCalls,
} as const;

export const events = {
  /** A card read, addressed to the screen that asked for the reader's readings (idCard.request). */
  'idCard.cardRead': z.custom<CardReading & { requesterId: CardRequester }>(),
  /** A social security card was inserted and read (held by the services under its readingId), addressed like idCard.cardRead. */
  'socialSecurityCard.cardRead': z.custom<SocialSecurityCardReading & { requesterId: CardRequester }>(),
  /** Signed in, signed out, locked or unlocked. */
  'officer.changed': officerStatusSchema,
  'device.changed': deviceStatusSchema,
  /** Events are produced by our own services and never validated on receipt, so their schemas only carry the type. */
  'scanner.scanned': z.custom<ScanReading>(),
  'passport.read': z.custom<PassportReading>(),
  'sync.statusChanged': syncStatusSchema,
  'cases.changed': caseRecordSchema,
  'catalogue.changed': z.object({}),
  'print.jobChanged': z.custom<PrintJobRecord>(),
  /** The storage level changed (ok, low, critical). */
  'storage.changed': storageStatusSchema,
  /** Sent by the window side's supervisor: the services process died and is restarting, or serves again. */
  'services.status': z.object({ state: z.enum(SERVICES_STATES) }),
  ...materialScanEvents,
  ...kioskEvents,
  ...registryEvents,
  ...fleetEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}
