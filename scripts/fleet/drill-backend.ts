/**
 * The reference backend in its own process for the fleet drill: its
 * synchronous SQLite commits (fsync per request) would otherwise stall the
 * terminals' event loop. Driven over IPC.
 */
import { startReferenceBackend } from '../../fixtures/backend/server';

const backend = await startReferenceBackend({ dataDir: process.env.DRILL_BACKEND_DIR!, port: 0 });
backend.fleet.setCheckIntervalMs(Number(process.env.DRILL_CHECK_MS ?? '3000'));

process.on('message', (message: { id: number; cmd: 'caseIds' | 'close' }) => {
  void (async () => {
    if (message.cmd === 'close') {
      await backend.close();
      process.send!({ id: message.id, result: null }, () => process.exit(0));
      return;
    }
    process.send!({ id: message.id, result: backend.cases().map((entry) => entry.id) });
  })();
});
process.send!({ id: 0, result: backend.url });
