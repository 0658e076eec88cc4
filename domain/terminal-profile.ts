/**
 * A terminal serves one kind of user. Its profile, from configuration, decides
 * which screens it shows and which it opens on: a registrar never sees the
 * reception flow, a reception window never sees the certificate desk.
 */
export const TERMINAL_PROFILES = ['reception-window', 'registry-desk', 'extension-terminal'] as const;
export type TerminalProfile = (typeof TERMINAL_PROFILES)[number];

export const TERMINAL_VIEWS = ['reception', 'registry', 'certificate', 'cases', 'sync', 'devices', 'kiosk'] as const;
export type TerminalView = (typeof TERMINAL_VIEWS)[number];

/** The screens of each profile, the first being the one it opens on. */
const PROFILE_VIEWS: Record<TerminalProfile, readonly TerminalView[]> = {
  'reception-window': ['reception', 'cases', 'sync', 'devices'],
  // The registrar's day starts at the appointment list; the certificate desk is where a case ends.
  'registry-desk': ['registry', 'certificate', 'cases', 'sync', 'devices'],
  // Unattended and resident-facing: the full-screen kiosk and nothing else (no navigation, no way out).
  'extension-terminal': ['kiosk'],
};

export function viewsOf(profile: TerminalProfile): readonly TerminalView[] {
  return PROFILE_VIEWS[profile];
}

/**
 * The contract calls each screen makes (names as in contract/api.ts; services/scope/profile-scope.ts checks at compile
 * time that each is one). The services answer a profile only the calls of its screens plus SHARED_CALLS, so a
 * compromised or mistaken screen on, say, the unattended extension terminal cannot issue certificates or list cases:
 * hiding a screen is not enough.
 */
const VIEW_CALLS = {
  reception: [
    'idCard.read', 'idCard.request', 'idCard.release', 'socialSecurityCard.read', 'catalogue.list',
    'documentScanner.scan', 'documentScanner.batchStart', 'documentScanner.batchStop', 'captures.add', 'captures.discard', 'materials.crossCheck',
    'forms.render', 'forms.print', 'cases.create', 'signaturePad.begin', 'signaturePad.end', 'signaturePad.cancel',
    'printers.list', 'print.jobs', 'print.retry', 'print.cancel',
  ],
  // The desk's day: appointments, check-ins and walk-ins, the end-of-day report.
  registry: ['registry.day', 'registry.checkIn', 'registry.walkIn', 'registryDay.report', 'registryDay.printReport', 'registryDay.sendReport', 'idCard.request', 'idCard.release', 'printers.list', 'print.jobs'],
  // The certificate desk: both parties, the review, every business, the case's papers and photos, the certificate.
  certificate: [
    'certificates.print', 'certificates.reprint', 'certificates.divorcePeriods', 'documents.preview', 'print.submit', 'printers.list', 'print.jobs', 'print.retry', 'print.cancel',
    'idCard.request', 'idCard.release', 'documentScanner.scan', 'captures.add', 'captures.discard',
    'registry.review', 'registry.reviewStatus', 'registry.overrideReview', 'registry.printDivorceReceipt', 'registry.findDivorceApplications',
    'registry.withdrawDivorceApplication', 'registry.findOriginalRegistration', 'registry.printRecordCertificate', 'registry.reprintDivorceReceipt',
    'registry.reprintRecordCertificate', 'registry.reprintDivorceWithdrawal', 'registry.day',
    'registryCase.open', 'registryCase.get', 'registryCase.openCases', 'registryCase.printPaper', 'registryCase.capturePaper', 'registryCase.addPhoto',
    'registryCase.captureDocument', 'registryCase.discardPage', 'registryCase.complete', 'registryCase.abandon',
  ],
  cases: ['cases.list', 'catalogue.list'],
  sync: ['sync.screen', 'sync.retryDeadLetter', 'sync.retryNow', 'catalogue.list'],
  devices: ['documentScanner.list', 'calibration.get', 'calibration.set', 'calibration.printPage', 'printers.list', 'print.jobs', 'idCard.request', 'idCard.release'],
  // The resident's kiosk: self-check, ticket, video, pushed forms (signed on the pad or photographed), evaluation.
  kiosk: [
    'selfCheck.run', 'kiosk.centres', 'kiosk.takeTicket', 'kiosk.session', 'kiosk.cancelTicket', 'kiosk.prompt', 'kiosk.reportPosition', 'kiosk.evaluate',
    'kiosk.signForm', 'kiosk.printForm', 'kiosk.sendFormPhotos', 'video.pending', 'video.signal', 'captures.add', 'signaturePad.begin',
  ],
} as const satisfies Record<TerminalView, readonly string[]>;

/** What every profile calls: the terminal itself, sign-in, the status bar (devices, sync, storage), the fleet's idle signal and updates. */
const SHARED_CALLS = [
  'app.info', 'app.messages', 'app.storage', 'officer.status', 'officer.signIn', 'officer.signOut', 'officer.lock', 'officer.unlock', 'officer.touch',
  'devices.list', 'devices.selfCheck', 'documentCamera.report', 'sync.status', 'activity.report', 'updates.status',
] as const;

/** Every call named in a table above (the services check each is a contract call, and that none is left out). */
export type ScopedCallName = (typeof VIEW_CALLS)[TerminalView][number] | (typeof SHARED_CALLS)[number];

/** Derived once: each profile's calls, the shared ones and those of its screens. */
const profileCallSet = (profile: TerminalProfile): ReadonlySet<ScopedCallName> =>
  new Set<ScopedCallName>([...SHARED_CALLS, ...PROFILE_VIEWS[profile].flatMap((view): readonly ScopedCallName[] => VIEW_CALLS[view])]);
const PROFILE_CALLS: Record<TerminalProfile, ReadonlySet<ScopedCallName>> = {
  'reception-window': profileCallSet('reception-window'),
  'registry-desk': profileCallSet('registry-desk'),
  'extension-terminal': profileCallSet('extension-terminal'),
};

export function callsOf(profile: TerminalProfile): ReadonlySet<ScopedCallName> {
  return PROFILE_CALLS[profile];
}

export function profileCalls(profile: TerminalProfile, call: string): boolean {
  return (PROFILE_CALLS[profile] as ReadonlySet<string>).has(call);
}

/** Every call some profile may make. */
export const SCOPED_CALLS: ReadonlySet<ScopedCallName> = new Set(TERMINAL_PROFILES.flatMap((profile) => [...PROFILE_CALLS[profile]]));

export function isTerminalProfile(value: unknown): value is TerminalProfile {
  return typeof value === 'string' && (TERMINAL_PROFILES as readonly string[]).includes(value);
}
