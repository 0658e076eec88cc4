/**
 * Store size and case-list latency as work grows, before and after the
 * personal-data purge (sync/retention): a terminal store with N cases (each
 * with a form and a signature, sealed like a real one), all delivered and
 * confirmed archived by the centre, measured; then purged and measured again.
 * The same list at 10,000 cases is the baseline for "flat as work grows".
 *   npm run bench:purge -- [--cases 100000] [--points 120] [--runs 15]
 */
import { statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseDraft } from '../../domain/case';
import { AuditLog } from '../../sync/audit/audit-log';
import { Sm4Box } from '../../sync/crypto/sm';
import { PersonalDataPurge } from '../../sync/retention/personal-data-purge';
import { openDatabase, type Db } from '../../sync/store/database';
import { SyncStore } from '../../sync/store/sync-store';
import { sampleDraft, tempDir } from '../../sync/testing/harness';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, points: { type: 'string', default: '120' }, runs: { type: 'string', default: '15' } } });
const caseCount = Number(values.cases);
const pointCount = Number(values.points);
const runs = Number(values.runs);
const DAY = 86_400_000;

const dir = tempDir('purge-bench-');
const file = join(dir.path, 'terminal.sqlite');
const box = new Sm4Box(new Uint8Array(32).fill(7));
let now = Date.now();
const clock = () => now;
const db = openDatabase(file);
const audit = new AuditLog(db, clock);
const store = new SyncStore(db, box, audit, clock);

function draft(index: number): CaseDraft {
  const points = Array.from({ length: pointCount }, (_, i) => ({ x: (i % 97) / 97, y: ((i * 7) % 89) / 89, pressure: 0.3 + (i % 5) / 10, t: i * 5 }));
  const base = sampleDraft(index);
  return { ...base, form: { ...base.form, phone: `1380013${String(index % 10_000).padStart(4, '0')}`, remarks: '无特殊情况' }, signatures: { applicant: { points } } };
}

/** Adds cases up to `total`, each delivered and archived by the centre long ago (as the purge would find them). */
function growTo(total: number): void {
  const have = (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  for (let start = have; start < total; start += 1000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(total, start + 1000); i += 1) {
        // A case every few seconds, as at a busy counter.
        now += 4_000;
        store.createCase(draft(i));
      }
    })();
  }
  const old = new Date(now).toISOString();
  db.prepare("UPDATE cases SET sync_state = 'synced', synced_at = ?, archived_at = ? WHERE sync_state = 'queued'").run(old, old);
  db.prepare("UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE state = 'pending'").run(old);
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function storeBytes(): { file: number; live: number } {
  const wal = `${file}-wal`;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { file: statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0), live: (pages - free) * pageSize };
}

function medianListMs(target: Db): number {
  void target;
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    store.listCases(100);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const baselineCount = Math.min(10_000, caseCount);

growTo(baselineCount);
const baseline = { list: medianListMs(db), size: storeBytes() };
growTo(caseCount);
const before = { list: medianListMs(db), size: storeBytes() };

now += 31 * DAY;
const purge = new PersonalDataPurge(db, box, audit, () => undefined, clock);
const purgeStarted = performance.now();
const outcome = purge.purge(30 * DAY);
const purgeMs = performance.now() - purgeStarted;
const after = { list: medianListMs(db), size: storeBytes() };
db.exec('VACUUM');
db.pragma('wal_checkpoint(TRUNCATE)');
const vacuumed = storeBytes();

console.log(`cases: ${caseCount} (signature of ${pointCount} points each); list = newest 100 cases, median of ${runs}`);
console.log(`baseline ${baselineCount} cases: store ${mb(baseline.size.file)}, list ${baseline.list.toFixed(2)} ms`);
console.log(`${caseCount} cases before purge: store ${mb(before.size.file)} (live ${mb(before.size.live)}), list ${before.list.toFixed(2)} ms (${(before.list / baseline.list).toFixed(2)}× the ${baselineCount}-case list)`);
console.log(`purge: ${outcome.cases} cases in ${(purgeMs / 1000).toFixed(1)} s (${((outcome.cases / purgeMs) * 1000).toFixed(0)} cases/s)`);
console.log(`${caseCount} cases after purge: store ${mb(after.size.file)} (live ${mb(after.size.live)}: ${(after.size.live / before.size.live).toFixed(3)}× before; freed pages are reused by new work), list ${after.list.toFixed(2)} ms (${(after.list / before.list).toFixed(2)}× before)`);
console.log(`after VACUUM: store ${mb(vacuumed.file)} (${(vacuumed.file / before.size.file).toFixed(3)}× before)`);
db.close();
dir.remove();
