/**
 * Test support for the registry desk's pieces over the terminal's real store
 * (sync) and the reference backend on loopback (every request and answer
 * checked against openapi.yaml): the desk's handlers with test defaults, and
 * the desk's cases on a store the services restart on.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startReferenceBackend, type ReferenceBackend } from '../../fixtures/backend/server';
import { createSyncService, type SyncService } from '../../sync';
import { FAST_SYNC, startPair, tempDir } from '../../sync/testing/harness';
import { MaterialCaptures } from '../material-captures';
import { createRegistryCaseDesk } from '../registry/case-handlers';
import { createRegistryDesk, type RegistryDeps, type RegistryDesk } from '../registry/handlers';
import type { ReviewView } from '../registry/national-review';

type Pair = Awaited<ReturnType<typeof startPair>>;

/** The registry desk over a terminal's sync: registry 310104, no captures, no holidays, no printer unless given. */
export function testRegistryDesk(sync: RegistryDeps['sync'], deps: Partial<Omit<RegistryDeps, 'sync'>> = {}): RegistryDesk {
  return createRegistryDesk({
    sync,
    registryCode: '310104',
    reviewChanged: () => undefined,
    hasCapture: () => false,
    calendar: () => ({ holidays: [], workingWeekends: [] }),
    printDocument: () => Promise.reject(new Error('no printer in this test')),
    ...deps,
  });
}

export interface DeskOnLoopback extends Pair {
  desk: RegistryDesk;
}

/**
 * For a test file: starts a terminal's sync and the reference backend with the desk over them (`deps` may use the
 * pair, e.g. its folder), each closed after its test.
 */
export function registryDesksOnLoopback(): (deps?: (pair: Pair) => Partial<Omit<RegistryDeps, 'sync'>>) => Promise<DeskOnLoopback> {
  const running: DeskOnLoopback[] = [];
  afterEach(async () => {
    for (const started of running.splice(0)) {
      started.desk.close();
      await started.close();
    }
  });
  return async (deps = () => ({})) => {
    const pair = await startPair();
    const started = { ...pair, desk: testRegistryDesk(pair.sync, deps(pair)) };
    running.push(started);
    return started;
  };
}

/** A couple the desk's case tests register. */
export const testCouple = [
  { name: '王建国', sex: '男', nationality: '中国', birthDate: '1985-03-12', idNumber: '31010419850312003X' },
  { name: '马秀兰', sex: '女', nationality: '中国', birthDate: '1990-07-05', idNumber: '640102199007050022' },
];

/** A tiny complete JPEG, different per `n`. */
export const testJpeg = (n: number): Uint8Array => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, n + 1, n + 2, 0xff, 0xd9]);

export interface RegistryCasesOnLoopback {
  backend: ReferenceBackend;
  /** The terminal's data folder (its store and kept page files). */
  dataDir: string;
  /**
   * One services instance on the terminal's store: the previous one's sync stopped, its own capture cache, and the
   * reviews it holds (`reviews`, as the review service would).
   */
  services(reviews?: Map<string, ReviewView>): Promise<{
    sync: SyncService;
    desk: ReturnType<typeof createRegistryCaseDesk>;
    cases: ReturnType<typeof createRegistryCaseDesk>['cases'];
    captures: MaterialCaptures;
    reviews: Map<string, ReviewView>;
    /** Adds a JPEG to the capture cache, as a scan or photo would. */
    capture(n: number): string;
  }>;
  close(): Promise<void>;
}

/** The desk's cases over a store that "restarts" (a new sync and capture cache each `services()`), against the backend. */
export async function registryCasesOnLoopback(prefix: string): Promise<RegistryCasesOnLoopback> {
  const dir = tempDir(prefix);
  const backend = await startReferenceBackend({ dataDir: join(dir.path, 'backend'), port: 0, contract: true });
  const dataDir = join(dir.path, 'terminal');
  let sync: SyncService | undefined;
  return {
    backend,
    dataDir,
    async services(reviews = new Map()) {
      await sync?.stop();
      const current = createSyncService({ dataDir, backendUrl: backend.url, ...FAST_SYNC });
      sync = current;
      await current.start();
      await current.pullNow();
      const captures = new MaterialCaptures();
      const desk = createRegistryCaseDesk({
        captures,
        review: (id) => reviews.get(id),
        adoptReview: (view) => void (reviews.has(view.id) || reviews.set(view.id, view)),
        sync: current,
        registryCode: '310104',
        a4Printer: () => 'none',
        printDocument: async () => {
          throw new Error('not printing here');
        },
      });
      return { sync: current, desk, cases: desk.cases, captures, reviews, capture: (n: number) => captures.add({ data: testJpeg(n), mimeType: 'image/jpeg' }) };
    },
    async close() {
      await sync?.stop();
      await backend.close();
      dir.remove();
    },
  };
}

/** For a test file: each test's registry cases on loopback (registryCasesOnLoopback), closed after the test. */
export function registryCasesPerTest(prefix: string): () => Promise<RegistryCasesOnLoopback> {
  const running: RegistryCasesOnLoopback[] = [];
  afterEach(async () => {
    for (const started of running.splice(0)) await started.close();
  });
  return async () => {
    const started = await registryCasesOnLoopback(prefix);
    running.push(started);
    return started;
  };
}
