/**
 * Crash test (issue 4): 300 runs that SIGKILL the terminal's service process
 * at random points during save, submit and upload, restarting it each time.
 * Then one clean run drains everything, and the script checks that the
 * backend holds exactly the cases the terminal committed: none twice, none
 * missing; every material complete and intact and none of its case's
 * without it; the audit chain unbroken.
 *   npm run sync:crash -- [--runs 300] [--seed 1]
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resendReport, startReferenceBackend } from '../../fixtures/backend/server';
import { AuditLog } from '../../sync/audit/audit-log';
import { tempDir } from '../../sync/testing/harness';
import { bundleEntry } from './bundle';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '300' }, seed: { type: 'string', default: String(Date.now() % 100_000) } } });
const runs = Number(values.runs);
let seed = Number(values.seed);
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const started = performance.now();
const child = await bundleEntry('scripts/sync-tests/crash-child.ts', 'crash-child');
const dir = tempDir('sync-crash-');
const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0, contract: true });
// Small random latency widens the window in which a kill lands mid-request; some answers are lost after commit.
backend.setFaults({ latencyMs: 1, latencyJitterMs: 15, dropAfterApplyRate: 0.05 });
const terminalDir = join(dir.path, 'terminal');
const reported = new Set<string>();
let readyRuns = 0;
const startMs: number[] = [];

function runChild(mode: 'work' | 'drain', killAfterMs?: number): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const proc = spawn(process.execPath, [child], {
      env: { ...process.env, CRASH_DATA_DIR: terminalDir, CRASH_BACKEND_URL: backend.url, CRASH_MODE: mode },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let output = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (text: string) => {
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        output += line + '\n';
        if (line.startsWith('C ')) reported.add(line.slice(2));
        if (line === 'READY') {
          readyRuns += 1;
          startMs.push(performance.now() - spawnedAt);
          if (killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

let killed = 0;
for (let run = 0; run < runs; run += 1) {
  // Kill points from "just opened the store" to "deep in submits and uploads".
  const killAfter = Math.floor(random() * random() * 400);
  const result = await runChild('work', killAfter);
  if (result.signal === 'SIGKILL') killed += 1;
  else throw new Error(`run ${run} ended without the kill: ${result.code} ${result.output.slice(-500)}`);
  if ((run + 1) % 50 === 0) process.stdout.write(`  ${run + 1}/${runs} runs, ${reported.size} cases reported committed, backend holds ${backend.caseCount()}\n`);
}
backend.clearFaults();
const drain = await runChild('drain');
if (drain.code !== 0) throw new Error(`final drain failed: ${drain.output}`);

const db = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true });
const committed = new Set((db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((row) => row.id));
const materials = db.prepare('SELECT id, size, state FROM materials').all() as { id: string; size: number; state: string }[];
const audit = new AuditLog(db, Date.now).verify();
const terminalId = (db.prepare("SELECT value FROM meta WHERE key = 'terminal_id'").get() as { value: string }).value;
db.close();

const backendCases = backend.cases();
const backendIds = backendCases.map((c) => c.id);
const applied = backend.received(terminalId).filter((row) => row.kind === 'case' && row.status === 'applied').length;
const duplicates = backendIds.length - new Set(backendIds).size + (applied - backendIds.length);
const missing = [...committed].filter((id) => !backendIds.includes(id));
const unknown = backendIds.filter((id) => !committed.has(id));
const lostReported = [...reported].filter((id) => !committed.has(id));
const uploads = backend.uploads();
// sampleDraft(i) names its applicant 测试居民<i>, and the child gives every fourth case a material.
const withoutMaterial = backendCases.filter((c) => Number(c.applicantName.replace('测试居民', '')) % 4 === 0 && !uploads.some((u) => u.caseId === c.id && u.completed)).length;
const incompleteUploads = materials.filter((m) => m.state !== 'done' || !uploads.some((u) => u.materialId === m.id && u.completed && u.length === m.size));
const resent = uploads.reduce((sum, u) => sum + Math.max(0, u.bytesSeen - u.length), 0);
const maxResentPerUpload = Math.max(0, ...uploads.map((u) => u.bytesSeen - u.length));
const resends = resendReport(backend.arrivals());
await backend.close();
dir.remove();

const seconds = (performance.now() - started) / 1000;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
const lines = [
  `crash test: ${runs} runs, ${killed} SIGKILLs, ${readyRuns} starts, ${seconds.toFixed(1)} s (median start-up of the service process ${median(startMs).toFixed(0)} ms)`,
  `cases committed by the terminal: ${committed.size} (reported committed before a kill: ${reported.size}, of them lost: ${lostReported.length})`,
  `cases at the backend: ${backendIds.length}; duplicates: ${duplicates}; missing: ${missing.length}; unknown to the terminal: ${unknown.length}`,
  `materials: ${materials.length}, incomplete: ${incompleteUploads.length}, cases that should have one but do not: ${withoutMaterial}; bytes re-sent in total: ${resent}, most for one upload: ${maxResentPerUpload} (chunk 16384)`,
  `items arrived at the backend: ${resends.items}; the same (terminal, seq) again after a lost acknowledgement: ${resends.resentSameSeq}; a case under a second seq: ${resends.casesUnderSecondSeq}; a seq under a second id: ${resends.seqsUnderSecondId}`,
  `audit chain: ${audit.ok ? `intact (${audit.entries} entries)` : `BROKEN at ${audit.brokenAt}`}`,
];
process.stdout.write(lines.join('\n') + '\n');
const violations = backend.contractViolations();
process.stdout.write(`requests and answers against openapi.yaml: ${violations.length} violations${violations.length ? `\n${JSON.stringify(violations.slice(0, 5))}` : ''}\n`);
const ok = violations.length === 0 && resends.casesUnderSecondSeq === 0 && resends.seqsUnderSecondId === 0 && duplicates === 0 && missing.length === 0 && unknown.length === 0 && lostReported.length === 0 && incompleteUploads.length === 0 && withoutMaterial === 0 && audit.ok;
process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
process.exit(ok ? 0 : 1);
