/**
 * Registry desk end of day on a terminal with years of audit chain (issue 12):
 * a real store (SQLite, the hash-chained audit log) filled with N entries
 * spread over past days (certificate prints, other documents, review
 * overrides, divorce registrations, cases, desk events), today's day report
 * and the L reprint-after-restart recovery (the divorce registration read back
 * from the chain) timed as the desk reads them, against the baseline of the
 * full walk of the chain they did before, measured in the same run on the same
 * store. Both ways must find the same facts (the script fails otherwise).
 *   npm run bench:day-report -- [--entries 100000] [--runs 15]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { beijingDate } from '../../domain/legal-date';
import { beijingDayBounds, dayAuditFacts, dayReport, DAY_REPORT_AUDIT_ACTIONS, type DayOverride } from '../../domain/registry/day-report';
import { AuditLog, type AuditEntry } from '../../sync/audit/audit-log';
import { openDatabase } from '../../sync/store/database';
import { tempDir } from '../../sync/testing/harness';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '100000' }, runs: { type: 'string', default: '15' } } });
const ENTRIES = Number(values.entries);
const RUNS = Number(values.runs);
const DAY = 86_400_000;
const PER_DAY = 120;
const out = (line: string) => process.stdout.write(line + '\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = tempDir('bench-day-report-');
const db = openDatabase(join(dir.path, 'terminal.sqlite'));
// 20:00 in Beijing today: the report is asked at the end of a full day.
const NOW = Date.parse(`${beijingDate(Date.now())}T20:00:00+08:00`);
let at = NOW - ENTRIES * Math.floor(DAY / PER_DAY);
const audit = new AuditLog(db, () => at);

/** A day at a busy desk, as the audit chain records it (ids and codes only). */
const MIX: [string, (i: number) => [string, Record<string, unknown>]][] = [
  ['document.printed', (i) => [`job-${i}`, { kind: 'marriage-certificate', printerId: 'booklets' }]],
  ['document.printed', (i) => [`job-${i}`, { kind: 'marriage-declaration', printerId: 'a4' }]],
  ['case.created', (i) => [`case-${i}`, { seq: i }]],
  ['case.synced', (i) => [`case-${i}`, { seq: i }]],
  ['desk.check-in', (i) => [`appointment-${i}`, { day: 'x' }]],
  ['registry.review-answered', (i) => [`review-${i}`, { hit: false }]],
  ['registry.divorce-registered', (i) => [`application-${i}`, { registrationId: `registration-${i}` }]],
  ['registry.review-overridden', (i) => [`review-${i}`, { reason: '当事人提交法院离婚判决书，索引未收录' }]],
];

const fillStarted = performance.now();
for (let start = 0; start < ENTRIES; start += 5000) {
  db.transaction(() => {
    for (let i = start; i < Math.min(ENTRIES, start + 5000); i += 1) {
      at += Math.floor(DAY / PER_DAY);
      // The last entries are today's; every 29th is an override, the rest cycle through the mix.
      const [action, make] = i % 29 === 0 ? MIX[7]! : MIX[i % 7]!;
      const [subject, details] = make(i);
      audit.append(action, subject, details);
    }
  })();
}
at = NOW;
out(`filled ${ENTRIES} audit entries over ${Math.ceil(ENTRIES / PER_DAY)} days in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

/** The baseline: the day report's audit facts as they were read before, a walk of the whole chain page by page. */
function fullScanFacts(from: string, to: string): { certificatePrints: number; overrides: DayOverride[] } {
  let certificatePrints = 0;
  const overrides: DayOverride[] = [];
  for (let afterId = 0, page = audit.entries(1000, 0); page.length > 0; afterId = page.at(-1)!.id, page = audit.entries(1000, afterId)) {
    for (const entry of page) {
      if (entry.at < from || entry.at >= to) continue;
      if (entry.action === 'document.printed' && entry.details.kind === 'marriage-certificate') certificatePrints += 1;
      if (entry.action === 'registry.review-overridden') overrides.push({ reviewId: entry.subject ?? '', reason: String(entry.details.reason ?? ''), at: entry.at });
    }
  }
  return { certificatePrints, overrides };
}

/** The baseline of the L recovery: the application's registration found by walking the whole chain. */
function fullScanRegistration(applicationId: string): string | undefined {
  let found: string | undefined;
  for (let afterId = 0, page = audit.entries(1000, 0); page.length > 0; afterId = page.at(-1)!.id, page = audit.entries(1000, afterId)) {
    for (const entry of page as AuditEntry[]) {
      if (entry.action === 'registry.divorce-registered' && entry.subject === applicationId && typeof entry.details.registrationId === 'string') found = entry.details.registrationId;
    }
  }
  return found;
}

const { from, to } = beijingDayBounds(beijingDate(NOW));
/** Today's report as the desk builds it (services/registry/day-report.ts): the day's entries read by index. */
const report = () =>
  dayReport({
    reportId: 'bench',
    day: beijingDate(NOW),
    registryCode: '310104',
    deskEvents: [],
    numbers: [],
    ...dayAuditFacts(audit.entriesBetween(DAY_REPORT_AUDIT_ACTIONS, from, to)),
    generatedAt: new Date(NOW).toISOString(),
  });
/** The L recovery as the desk does it after a restart (services/registry/handlers.ts registrationInAudit). */
const registrationInAudit = (applicationId: string) =>
  audit
    .entriesAbout('registry.divorce-registered', applicationId)
    .map((entry) => entry.details.registrationId)
    .filter((id): id is string => typeof id === 'string')
    .at(-1);

// The same facts both ways, or the figure means nothing.
const indexed = report();
const scanned = fullScanFacts(from, to);
if (indexed.booklets.used !== scanned.certificatePrints || JSON.stringify(indexed.overrides) !== JSON.stringify(scanned.overrides)) {
  throw new Error(`the day report differs from the full scan: ${JSON.stringify({ indexed: [indexed.booklets.used, indexed.overrides.length], scanned: [scanned.certificatePrints, scanned.overrides.length] })}`);
}
// The latest divorce registration in the chain (today's L reprint after a restart of the services).
let lastRegistered = ENTRIES - 1;
while (lastRegistered % 29 === 0 || lastRegistered % 7 !== 6) lastRegistered -= 1;
const lastApplication = `application-${lastRegistered}`;
if (registrationInAudit(lastApplication) !== fullScanRegistration(lastApplication) || fullScanRegistration(lastApplication) === undefined) {
  throw new Error(`the L recovery differs from the full scan for ${lastApplication}`);
}
out(`today: ${indexed.booklets.used} certificate prints, ${indexed.overrides.length} overrides (the same by both ways)`);

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}
const measure = (run: () => unknown): number => median(Array.from({ length: RUNS }, () => time(run)));
const reportMs = measure(report);
const reportScanMs = measure(() => fullScanFacts(from, to));
const recoveryMs = measure(() => registrationInAudit(lastApplication));
const recoveryScanMs = measure(() => fullScanRegistration(lastApplication));
out(`day report (whole report, indexed read): median ${reportMs.toFixed(2)} ms over ${RUNS} runs`);
out(`baseline, full chain walk (audit facts only): median ${reportScanMs.toFixed(2)} ms   ratio ${(reportScanMs / reportMs).toFixed(1)}×`);
out(`L reprint recovery (indexed read): median ${recoveryMs.toFixed(3)} ms`);
out(`baseline, full chain walk: median ${recoveryScanMs.toFixed(2)} ms   ratio ${(recoveryScanMs / recoveryMs).toFixed(1)}×`);
db.close();
dir.remove();
