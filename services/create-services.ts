/**
 * Composition root of the terminal's Node services, run by the services
 * process entry (./entry.ts), which relays what it returns to the window side;
 * the services never know how the renderer reaches them.
 */
import { join } from 'node:path';
import { TerminalError } from '../contract/errors';
import { divorcePeriods } from '../domain/divorce-periods';
import { beijingDate } from '../domain/legal-date';
import { isCompleteJpeg } from '../domain/jpeg';
import type { CaseDraft, CaseRecord } from '../domain/case';
import { validateCaseDraft, validateSubmission, type FieldProblem } from '../domain/case-validation';
import type { ServiceItem, SignerRole } from '../domain/service-item';
import type { Signature } from '../domain/signature';
import { bindSignatureWith } from '../signing/signature-binding';
import type { Logger } from '../domain/logger';
import { DeviceRegistry } from '../drivers/registry';
import { createSyncService, type KeyProvider, type MaterialFile } from '../sync';
import { BridgePadTransportFactory } from '../drivers/signature-pad/bridge-transport';
import { ConfigError, type TerminalConfig } from '../main/shared/config';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatcher';
import { EventBus } from './rpc/event-bus';
import { OFFICER_MESSAGES } from './officer-messages';
import { createPrinting } from './printing';
import { workCalendar } from './certificate-rules';
import { createCertificateIssue } from './app/issue-certificate';
import { MaterialCaptures } from './material-captures';
import { captureImage, holdPage, profileFor } from './materials/material-pages';
import { materialFiles } from './materials/material-files';
import { ScanBatches } from './materials/scan-batches';
import { listDocumentScanners } from '../drivers/document-scanner/discovery';
import { DocumentCameraStatus } from './materials/document-camera-status';
import { scannerModeFor } from '../domain/material-scan';
import { startStorageMonitor } from './storage-monitor';
import { createRegistryDesk } from './registry/handlers';
import { createRegistryCaseDesk } from './registry/case-handlers';
import { createDayReportDesk } from './registry/day-report';
import { keepOverrideDocument, registryReviewStore } from './registry/review-store';
import { createSignatureCapture } from './signature-capture';
import { startExtensionTerminal } from './kiosk/extension-terminal';
import { TerminalActivity } from './fleet/activity';
import { ConfigurationPush } from './fleet/config-push';
import { printerExists } from './fleet/printer-probe';
import { answerHealth, startUpdateService } from './fleet/update-service';
import type { HealthReplyMessage, SlotsReplyMessage, SlotsRequestMessage, UpdatesStart } from '../contract/services-port';
import { createOfficerServices } from './officers/officer-services';
import { guardHandlers } from './officers/officer-guard';
import { auditPrint } from './print-audit';
import { HeldForms } from './forms/held-forms';
import { HeldReadings } from './identity/held-readings';
import { PartyDocuments } from './registry/party-documents';
import { refuseUnfitDocuments } from './registry/case-parties';
import { OcrEngine } from '../documents/ocr/ocr-engine';
import { crossCheck } from '../domain/ocr-cross-check';
import { CardReadRequests } from './identity/card-requests';
import { applicantFromPassport } from '../domain/applicant';
import type { CardReading } from '../domain/identity-card';
import type { SocialSecurityCardReading } from '../domain/social-security-card';
import { schedulePersonalDataPurge } from './retention/purge-schedule';
import { CERTIFICATE_KINDS, printerFor, refuseCertificateKind, refuseUnconfiguredPrinter, residentCopyPrinter } from './scope/print-scope';
import { refuseViewOutsideProfile, scopeToProfile } from './scope/profile-scope';

export interface TerminalServices {
  dispatch: Dispatch;
  events: EventBus;
  backendUrl: string;
  /** The shell's answer to the update agent's slots request. */
  onSlotsReply(message: SlotsReplyMessage): void;
  /** The shell's health gate asks. */
  health(id: number): Promise<HealthReplyMessage>;
  close(): Promise<void>;
}

/** From the shell: its update settings and the way back to its slot store. */
export interface FleetLink {
  start: UpdatesStart;
  post: (message: SlotsRequestMessage) => void;
}

/**
 * `events` may be passed in already connected, so what the services report while they start (the outbox draining
 * after a restart, a card already on the reader) reaches the window side too.
 */
export async function createTerminalServices(
  config: TerminalConfig,
  logger: Logger,
  version: string,
  keyProvider?: KeyProvider,
  events: EventBus = new EventBus(),
  fleet?: FleetLink,
): Promise<TerminalServices> {
  const closers: (() => Promise<void>)[] = [];

  // The reference backend is a fixture: `npm start` and the tests run it and pass its URL; the services never start it.
  if (!config.backendUrl) throw new ConfigError('invalid terminal configuration: backendUrl: the central backend is not set (npm start runs the reference backend and sets it)');
  const backendUrl = config.backendUrl;

  const sync = createSyncService({
    dataDir: config.dataDir,
    backendUrl,
    registryCode: config.registryCode,
    pullIntervalMs: config.syncPullSeconds * 1000,
    logger: logger.child({ area: 'sync' }),
    ...(keyProvider ? { keyProvider } : {}),
  });
  sync.on('status', (status) => events.emit('sync.statusChanged', status));
  sync.on('caseChanged', (record) => events.emit('cases.changed', record));
  sync.on('catalogueChanged', () => events.emit('catalogue.changed', {}));
  await sync.start();
  closers.unshift(() => sync.stop());

  const openDevices = (settings: TerminalConfig) => {
    const padBridge = settings.signaturePad?.bridge;
    return new DeviceRegistry(
      { ...settings, signaturePad: settings.signaturePad && (padBridge ? { factory: new BridgePadTransportFactory(padBridge) } : {}) },
      logger.child({ area: 'devices' }),
    );
  };
  // Re-opened when a pushed configuration changes a device (fleet/config-push.ts): the handlers read these bindings.
  let devices = openDevices(config);
  let signatures = createSignatureCapture(devices.signaturePad, logger.child({ area: 'signature' }));
  const purge = schedulePersonalDataPurge(sync, logger.child({ area: 'retention' }));
  closers.unshift(async () => purge.close());
  // Card readings go only to the screen that asked for them; a new officer's screens ask again.
  const cardRequests = new CardReadRequests();
  const officers = createOfficerServices(
    config,
    sync,
    (status) => {
      if (status.state === 'signed-out') cardRequests.clear();
      events.emit('officer.changed', status);
    },
    logger.child({ area: 'officers' }),
  );
  closers.unshift(async () => officers.close());
  // Readings are personal data: they reach the screen only while an officer works at it (not signed out, not locked).
  const readings = new HeldReadings();
  const heldCard = (reading: CardReading): CardReading => ({
    ...reading,
    readingId: readings.hold('chip', { documentType: reading.card.cardType, idNumber: reading.card.idNumber, name: reading.card.name }),
  });
  // What each party's document was last read as (expired, failed zone): the registry desk refuses unfit ones itself.
  const partyDocuments = new PartyDocuments();
  devices.on('cardRead', (reading) => {
    partyDocuments.noteCard(reading);
    const requesterId = cardRequests.owner();
    if (requesterId && officers.session.mayShowPersonalData()) events.emit('idCard.cardRead', { ...heldCard(reading), requesterId });
  });
  // The social security number is the holder's citizen ID number: the card identifies a resident, from its own chip.
  const heldSocialSecurityCard = (reading: SocialSecurityCardReading): SocialSecurityCardReading => ({
    ...reading,
    readingId: readings.hold('ssc-chip', { documentType: 'resident', idNumber: reading.card.socialSecurityNumber, name: reading.card.name }),
  });
  devices.on('socialSecurityCardRead', (reading) => {
    const requesterId = cardRequests.owner();
    if (requesterId && officers.session.mayShowPersonalData()) events.emit('socialSecurityCard.cardRead', { ...heldSocialSecurityCard(reading), requesterId });
  });
  devices.on('scan', (reading) => officers.session.mayShowPersonalData() && events.emit('scanner.scanned', reading));
  devices.on('passportRead', (reading) => {
    partyDocuments.notePassport(reading.mrz);
    if (!officers.session.mayShowPersonalData()) return;
    const identity = applicantFromPassport(reading.mrz);
    events.emit('passport.read', identity ? { ...reading, readingId: readings.hold('passport-zone', identity) } : reading);
  });
  devices.on('deviceChanged', (status) => events.emit('device.changed', status));
  await devices.start();
  closers.unshift(() => devices.stop());

  const printing = await createPrinting({
    dataDir: config.dataDir,
    printers: config.printers,
    certificateNumbers: sync.certificateNumberSource(),
    logger: logger.child({ area: 'printing' }),
  });
  printing.service.on('job', ({ job }) => events.emit('print.jobChanged', job));
  // The idle signal a fleet update waits for: the screen's open case, print jobs, a video session.
  const activity = new TerminalActivity();
  printing.service.on('job', ({ job }) => activity.jobChanged(job));
  closers.unshift(() => printing.close());

  const storage = startStorageMonitor(config.dataDir, (status) => events.emit('storage.changed', status), logger.child({ area: 'storage' }));
  closers.unshift(async () => storage.close());

  const captures = new MaterialCaptures();
  // Started on the first cross-check (a worker thread and 4.6 MB of models), not at start-up.
  const ocr = new OcrEngine({ modelDir: join(config.dataDir, 'ocr-models'), logger: logger.child({ area: 'ocr' }) });
  closers.unshift(() => ocr.close());
  const documentCamera = new DocumentCameraStatus((status) => events.emit('device.changed', status));
  const scanBatches = new ScanBatches({
    captures,
    logger: logger.child({ area: 'materials' }),
    scanBatch: (request, onPage) => devices.scanDocumentBatch(request, onPage),
    pageScanned: (event) => events.emit('documentScanner.batchPage', event),
    batchEnded: (event) => events.emit('documentScanner.batchEnded', event),
  });
  const forms = new HeldForms(async (data) => {
    const preview = await printing.preview('application-form', data);
    return { ...preview, pdf: new Uint8Array(Buffer.from(preview.pdf, 'base64')) };
  }, sync.heldFormVault());

  // The marriage registry desk: appointments, national review, and the guard on marriage certificates (registry/).
  const registry = createRegistryDesk({
    sync,
    registryCode: config.registryCode,
    reviewStore: registryReviewStore(sync),
    keepOverrideDocument: (reviewId, captureId) => keepOverrideDocument(sync, captures, reviewId, captureId),
    reviewChanged: (view) => {
      events.emit('registry.reviewChanged', view);
      // An open case saves its review, and keeps an override's document with its pages (never only in memory).
      registryCases.cases.reviewChanged(view).catch((error: unknown) => logger.warn('registry case did not keep its review', { error: error instanceof Error ? error.message : String(error) }));
    },
    calendar: () => workCalendar(sync.configuration()).calendar,
    documentProblems: (idNumber) => partyDocuments.problemsOf(idNumber),
    // A receipt or record certificate printed for a case is recorded in it (the case is built below).
    cases: () => registryCases.cases,
    a4Printer: (printerId) => printerFor(config.printers, 'a4', printerId),
    printDocument: async (printerId, kind, data) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      return auditPrint(sync.audit(), await printing.print({ printerId, kind, data }), { kind, printerId });
    },
    // A receipt or record certificate done inside an open case is counted by the case (registry/handlers.ts).
    hasOpenCase: (business, idNumbers) => registryCases.cases.hasOpenCase(business, idNumbers),
    hasCapture: (captureId) => {
      try {
        return captures.get([captureId]).length === 1;
      } catch {
        return false;
      }
    },
  });
  closers.unshift(async () => registry.close());
  // Each registration as a case: papers signed by hand captured back, photos, archived once complete (registry/).
  const registryCases = createRegistryCaseDesk({
    captures,
    review: (reviewId) => registry.reviewOf(reviewId),
    adoptReview: (view) => registry.adoptReview(view),
    records: registry.records,
    sync,
    registryCode: config.registryCode,
    a4Printer: (printerId) => printerFor(config.printers, 'a4', printerId),
    printDocument: async (printerId, kind, data) => auditPrint(sync.audit(), await printing.print({ printerId, kind, data }), { kind, printerId }),
    documentProblems: (idNumber) => partyDocuments.problemsOf(idNumber),
  });
  // Reviews of past days are forgotten unless a resumed open case holds them.
  registry.forgetPastReviews(new Set(registryCases.cases.openCases().flatMap((view) => (view.reviewId ? [view.reviewId] : []))));
  // Every certificate number is issued within a case, first print and reprint alike (app/issue-certificate.ts).
  const certificates = createCertificateIssue({
    // Read at each issue: a printer pushed by the backend (fleet/config-push.ts) is configured from then on.
    get printers() {
      return config.printers;
    },
    // The registry's day, as the desk counts it (registry.day): the centre's clock on the Beijing calendar.
    registryDay: () => beijingDate(sync.serverNow()),
    guardReview: (request) => registry.guardCertificate(request),
    holdCase: (caseId, type, idNumbers) => registryCases.cases.holdForCertificate(caseId, type, idNumbers),
    refuseUnfitParties: (parties) => refuseUnfitDocuments(parties, (idNumber) => partyDocuments.problemsOf(idNumber)),
    caseOfNumber: (number) => sync.certificateCaseOf(number),
    printing,
    issued: (caseId, number, voided) => registryCases.cases.certificateIssued(caseId, number, voided),
    audit: () => sync.audit(),
  });
  /** The configured certificate printer, or none (a preview then shows the layout uncalibrated). */
  function configuredCertificatePrinter(): string | undefined {
    try {
      return printerFor(config.printers, 'certificate');
    } catch {
      return undefined;
    }
  }

  // An extension terminal keeps a live channel to its centre and checks itself (kiosk/).
  const kiosk =
    config.profile === 'extension-terminal'
      ? startExtensionTerminal({
          dataDir: config.dataDir,
          backendUrl,
          sync,
          devices,
          printService: printing.service,
          storage,
          events,
          logger,
          cityEvaluationOrigin: config.cityEvaluationOrigin,
          doorToDoor: config.doorToDoor,
          forms: {
            render: (content) => forms.renderFor({ ...content, applicant: content.applicant as CaseDraft['applicant'] }, catalogueItem(content.serviceItemId)),
            heldPdf: (formId) => forms.get(formId).pdf,
            endSignature: () => signatures.end(),
            signer: () => sync.terminalSigner(),
            // The resident's paper copy goes to the terminal's A4 printer (role a4, or its one printer naming no role), as
            // configured now: a configuration push reconfigures the print service. Never the certificate printer.
            print: async (formId: string) => {
              const printerId = residentCopyPrinter(printing.service.configuredPrinters());
              const job = await printing.service.print({ printerId, document: forms.get(formId).pdf, documentName: 'application-form', purpose: 'document' });
              auditPrint(sync.audit(), job, { kind: 'application-form', printerId });
              return { jobId: job.id };
            },
            photos: (captureIds) => captures.get(captureIds),
          },
        })
      : undefined;
  if (kiosk) closers.unshift(() => kiosk.close());
  const needKiosk = () => {
    if (!kiosk) throw new TerminalError('not-an-extension-terminal', 'only an extension terminal serves residents for a centre');
    return kiosk;
  };

  /**
   * Captured materials become the case's materials. A signed case is saved with each signature bound (SM3 + the terminal's SM2 key) to the application form it
   * signs, and that form goes to the e-archive as a material of the case.
   */
  async function saveCase(draft: CaseDraft, item: ServiceItem): Promise<CaseRecord> {
    const capturedRefs = draft.capturedMaterials ?? [];
    // Each material's pages, in the officer's order, become one PDF (materials/material-files.ts).
    const materials: MaterialFile[] = await materialFiles(capturedRefs, captures.get(capturedRefs.map((ref) => ref.captureId)), item);
    const signed = Object.entries(draft.signatures ?? {}).filter((entry): entry is [SignerRole, Signature] => entry[1] !== undefined);
    // Whether the identity came from a chip, a passport zone or typing is the terminal's finding, not the renderer's.
    let bound: CaseDraft = { ...draft, identitySource: readings.sourceOf(draft.applicant) };
    if (signed.length > 0) {
      const signedAt = new Date().toISOString();
      // Bound to the bytes the resident was shown (rendered once, held since): not a fresh rendering.
      const document = forms.shownFor(draft.formId, draft, item).pdf;
      const signer = sync.terminalSigner();
      const signatureBindings = Object.fromEntries(
        signed.map(([role, signature]) => [
          role,
          bindSignatureWith({ document, signature, signer: role === 'applicant' ? { role, name: draft.applicant.name } : { role }, signedAt, terminalId: signer.terminalId }, signer),
        ]),
      );
      bound = { ...bound, signatureBindings };
      materials.push({ materialKey: 'signed-application-form', fileName: 'application-form.pdf', mimeType: 'application/pdf', data: document });
    }
    // The captured materials and the archived form commit with the case: a crash leaves all or none.
    const record = materials.length > 0 ? await sync.createCaseWithMaterials(bound, materials) : sync.createCase(bound);
    captures.discard(capturedRefs.map((ref) => ref.captureId));
    if (draft.formId) forms.discard(draft.formId);
    return record;
  }

  function catalogueItem(serviceItemId: string): ServiceItem {
    const item = sync.catalogue().find((candidate) => candidate.id === serviceItemId);
    if (!item) throw new TerminalError('case-unknown-service-item', `unknown service item ${serviceItemId}`);
    return item;
  }

  /** A corrected form is checked against the item as the catalogue has it now, which may be why the backend refused it. */
  function correctedFormProblems(seq: number, form: Record<string, string>): FieldProblem[] {
    const caseId = sync.syncScreen().items.find((entry) => entry.seq === seq && entry.kind === 'case')?.refId;
    const record = caseId === undefined ? undefined : sync.getCase(caseId);
    if (!record) throw new TerminalError('outbox-item-not-dead-lettered', `outbox item ${seq} is not a dead-lettered case`, { seq });
    const item = sync.catalogue().find((candidate) => candidate.id === record.serviceItemId);
    if (!item) throw new TerminalError('case-unknown-service-item', `unknown service item ${record.serviceItemId}`);
    return validateCaseDraft({ serviceItemId: record.serviceItemId, applicant: record.applicant, form }, item);
  }

  /**
   * A configuration pushed through the backend's configuration feed, checked with the local file's schema and every
   * new printer against the printer itself, applied without a restart: printers re-described, devices re-opened with
   * their listeners. What cannot be applied keeps the configuration in force, and both outcomes are reported.
   */
  const deviceKeys = ['idCardReader', 'scannerGun', 'passportReader', 'documentScanner', 'signaturePad', 'socialSecurityCardReader'];
  const configPush = new ConfigurationPush({
    local: config,
    terminalId: () => sync.terminalId(),
    printerExists: (printer) => printerExists(printer),
    apply: async (next, changed) => {
      if (changed.includes('printers')) printing.service.reconfigure(next.printers);
      if (changed.some((key) => deviceKeys.includes(key))) {
        const fresh = openDevices(next);
        for (const event of devices.eventNames()) for (const listener of devices.listeners(event)) fresh.on(event, listener as never);
        await devices.stop();
        devices = fresh;
        signatures = createSignatureCapture(devices.signaturePad, logger.child({ area: 'signature' }));
        await devices.start();
      }
      config = next;
      logger.info('pushed configuration applied', { changed: changed.join(',') });
    },
    report: async (event) => {
      await sync.backendRequest('POST', '/v1/fleet/reports', { body: { events: [event] } });
    },
  });
  const pushConfiguration = () =>
    void configPush.update(sync.configuration()).then(
      (outcome) => outcome.status === 'refused' && logger.warn('pushed configuration refused', { reason: outcome.reason, detail: outcome.detail }),
      (error: unknown) => logger.error('pushed configuration failed', { detail: (error as Error).message }),
    );
  sync.on('configurationChanged', pushConfiguration);
  pushConfiguration();

  // Every profile runs the update agent when the shell hands over its slots (a host without slots has none to offer).
  const updates = fleet
    ? startUpdateService({
        start: fleet.start,
        post: fleet.post,
        sync,
        activity,
        selfCheck: () => devices.selfCheck(),
        onStatus: (status) => events.emit('updates.statusChanged', status),
        dataDir: config.dataDir,
        profile: config.profile,
        settings: () => config.updates,
        logger: logger.child({ area: 'updates' }),
      })
    : undefined;
  if (updates) closers.unshift(() => updates.close());

  const handlers: Handlers = {
    ...officers.handlers,
    'app.info': () => {
      const terminalId = sync.terminalId();
      return {
        version,
        ...(terminalId ? { terminalId } : {}),
        profile: config.profile,
        backendUrl,
        registryCode: config.registryCode,
        simulatedDevices: config.simulatedDevices,
        doorToDoor: config.doorToDoor !== undefined,
      };
    },
    'app.messages': () => OFFICER_MESSAGES,
    'app.storage': () => storage.check(),
    'devices.list': () => [...devices.list(), ...documentCamera.list()],
    'devices.selfCheck': () => devices.selfCheck(),
    'idCard.read': async ({ timeoutMs }) => heldCard(await devices.readIdCard(timeoutMs)),
    'idCard.request': ({ requesterId }) => {
      // Only a screen of this profile may take the reader's readings (a reception window cannot ask as the certificate desk).
      refuseViewOutsideProfile(config.profile, requesterId);
      cardRequests.request(requesterId);
      return { ok: true as const };
    },
    'idCard.release': ({ requesterId }) => {
      cardRequests.release(requesterId);
      return { ok: true as const };
    },
    'socialSecurityCard.read': async ({ timeoutMs }) => heldSocialSecurityCard(await devices.readSocialSecurityCard(timeoutMs)),
    'catalogue.list': () => sync.catalogue(),
    'documentScanner.scan': async ({ serviceItemId, materialKey, ...request } = {}) => {
      if (serviceItemId && materialKey) {
        // A material's page: at the item's resolution and colour mode, cleaned, shown as a thumbnail.
        const profile = profileFor(catalogueItem(serviceItemId), materialKey);
        const scanned = await devices.scanDocument({ resolutionDpi: profile.resolutionDpi, mode: scannerModeFor(profile.colour) });
        return holdPage(captures, scanned.data, scanned.resolutionDpi, profile);
      }
      const page = await devices.scanDocument(request);
      const captureId = captures.add(page);
      return { captureId, mimeType: page.mimeType, size: page.data.length, data: Buffer.from(page.data).toString('base64') };
    },
    'documentScanner.batchStart': ({ serviceItemId, materialKey, sides }) => scanBatches.start(materialKey, sides, profileFor(catalogueItem(serviceItemId), materialKey)),
    'documentScanner.list': () => listDocumentScanners(),
    'documentCamera.report': ({ state, problem, label }) => {
      documentCamera.report(state, problem, label);
      return { ok: true as const };
    },
    'documentScanner.batchStop': ({ batchId }) => {
      scanBatches.stop(batchId);
      return { ok: true as const };
    },
    'captures.add': async ({ mimeType, data, serviceItemId, materialKey }) => {
      const bytes = Buffer.from(data, 'base64');
      if (!isCompleteJpeg(bytes)) throw new TerminalError('capture-not-an-image', 'the photo is not a complete JPEG');
      // A material photographed with the document camera is a page like a scan; other photos (a couple's) stay as taken.
      if (serviceItemId && materialKey) return holdPage(captures, new Uint8Array(bytes), undefined, profileFor(catalogueItem(serviceItemId), materialKey));
      return { captureId: captures.add({ data: new Uint8Array(bytes), mimeType }), mimeType, size: bytes.length, data };
    },
    'materials.crossCheck': async ({ captureId, name, idNumber }) => {
      const [capture] = captures.get([captureId]);
      // A bilevel page is held as 1-bit rows for its PDF: OCR reads it as an image.
      const { text, ms } = await ocr.recognize(await captureImage(capture!));
      return { ...crossCheck(text, { name, idNumber }), ms };
    },
    'captures.discard': ({ captureId }) => {
      captures.discard([captureId]);
      return { ok: true as const };
    },
    'cases.create': async (draft) => {
      // The same submission again (its reply was lost when the services restarted): the case saved the first time.
      const already = draft.submissionId === undefined ? undefined : sync.getCase(draft.submissionId);
      if (already) return already;
      const item = catalogueItem(draft.serviceItemId);
      refuseProblems(validateSubmission(draft, item));
      return saveCase(draft, item);
    },
    'cases.list': (input) => sync.listCases(input?.limit ?? 100),
    'sync.status': () => sync.status(),
    'documents.preview': ({ kind, data, printerId }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      // A certificate previews at the calibration of the printer it prints on: the configured certificate printer.
      return printing.preview(kind, data, printerId ?? (CERTIFICATE_KINDS.has(kind) ? configuredCertificatePrinter() : undefined));
    },
    'printers.list': () => printing.service.listPrinters(),
    'print.submit': async (request) => {
      refuseCertificateKind(request.kind);
      refuseUnconfiguredPrinter(config.printers, request.printerId);
      return auditPrint(sync.audit(), await printing.print(request), request);
    },
    'print.jobs': () => printing.service.jobs(),
    'print.retry': ({ jobId, printerId }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      return printing.service.retry(jobId, printerId ? { printerId } : {});
    },
    'print.cancel': ({ jobId }) => printing.service.cancel(jobId),
    'calibration.get': ({ printerId }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      return printing.calibration(printerId);
    },
    'calibration.set': ({ printerId, measured }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      return printing.calibrate(printerId, measured);
    },
    'calibration.printPage': async ({ printerId }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      return auditPrint(sync.audit(), await printing.printCalibrationPage(printerId), { kind: 'calibration-page', printerId });
    },
    'signaturePad.begin': ({ formId }) => signatures.begin(formId ? forms.get(formId).pdf : undefined).then(() => ({ ok: true as const })),
    'forms.render': async (draft) => {
      const rendered = await forms.renderFor(draft, catalogueItem(draft.serviceItemId));
      return { ...rendered, pdf: Buffer.from(rendered.pdf).toString('base64') };
    },
    'forms.print': async ({ formId, printerId, copies }) => {
      refuseUnconfiguredPrinter(config.printers, printerId);
      const job = await printing.service.print({ printerId, document: forms.get(formId).pdf, documentName: 'application-form', purpose: 'document', ...(copies ? { copies } : {}) });
      return auditPrint(sync.audit(), job, { kind: 'application-form', printerId });
    },
    'signaturePad.end': () => signatures.end(),
    'signaturePad.cancel': () => signatures.cancel().then(() => ({ ok: true as const })),
    'certificates.print': (request) => certificates.print(request),
    'certificates.reprint': (request) => certificates.reprint(request),
    'certificates.divorcePeriods': ({ receivedOn }) => {
      const { calendar, fromBackend } = workCalendar(sync.configuration());
      return { ...divorcePeriods(receivedOn, calendar), holidayCalendar: fromBackend };
    },
    'sync.screen': () => sync.syncScreen(),
    'sync.retryDeadLetter': ({ seq, form }) => {
      if (form) refuseProblems(correctedFormProblems(seq, form));
      sync.retryDeadLetter(seq, form ? { form } : undefined);
      return { ok: true as const };
    },
    'selfCheck.run': (input) => needKiosk().selfCheck.run(input?.media),
    'kiosk.centres': () => needKiosk().session.centres(),
    'kiosk.takeTicket': ({ centreId }) => needKiosk().session.takeTicket(centreId),
    'kiosk.session': () => needKiosk().session.session(),
    'kiosk.cancelTicket': () => needKiosk().session.cancelTicket(),
    'kiosk.prompt': () => needKiosk().prompt(),
    'kiosk.reportPosition': (position) => needKiosk().reportPosition(position),
    'kiosk.printForm': ({ formId }) => needKiosk().forms.print(formId),
    'kiosk.sendFormPhotos': ({ formId, captureIds }) => {
      const sent = needKiosk().forms.sendPhotos(formId, captureIds);
      captures.discard(captureIds);
      return sent;
    },
    'kiosk.signForm': async ({ formId }) => {
      await needKiosk().forms.finish(formId);
      return { ok: true as const };
    },
    'kiosk.evaluate': ({ evaluationId, mode, level }) => {
      needKiosk().evaluation.submit(evaluationId, mode, level);
      return { ok: true as const };
    },
    'video.pending': () => needKiosk().video.pending(),
    'video.signal': (signal) => {
      needKiosk().video.send(signal);
      return { ok: true as const };
    },
    'activity.report': (input) => ({ idle: activity.report(input).idle }),
    'updates.status': () => {
      if (!updates) return { state: 'up-to-date' as const, running: version };
      const { progress, ...status } = updates.status();
      void progress;
      return status;
    },
    'sync.retryNow': () => {
      sync.retryNow();
      return { ok: true as const };
    },
    ...registry.handlers,
    ...registryCases.handlers,
    ...createDayReportDesk({
      sync,
      registryCode: config.registryCode,
      a4Printer: (printerId) => printerFor(config.printers, 'a4', printerId),
      printDocument: async (printerId, kind, data) => auditPrint(sync.audit(), await printing.print({ printerId, kind, data }), { kind, printerId }),
    }),
  };

  return {
    // A call outside the profile's screens is refused before the officer check: no profile answers another's calls.
    dispatch: scopeToProfile(createDispatcher(guardHandlers(handlers, officers.session), logger.child({ area: 'rpc' })), config.profile),
    events,
    backendUrl,
    onSlotsReply: (message) => updates?.onSlotsReply(message),
    health: (id) => answerHealth(id, sync, () => devices.selfCheck()),
    async close() {
      for (const close of closers) {
        await close().catch((error: unknown) => logger.error('close failed', { detail: String(error) }));
      }
    },
  };
}

/** Field problems reach the renderer as one `case-invalid` error listing `field:problem` pairs. */
function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new TerminalError('case-invalid', 'form has problems', { fields: problems.map((p) => `${p.field}:${p.problem}`).join(',') });
}
