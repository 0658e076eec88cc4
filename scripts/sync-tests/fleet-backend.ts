/**
 * The reference backend in its own process for the fleet test, so the
 * terminals' CPU does not distort its request rate. Driven over IPC.
 */
import { startReferenceBackend } from '../../fixtures/backend/server';

const backend = await startReferenceBackend({ dataDir: process.env.FLEET_BACKEND_DIR!, port: 0 });

type Command = { id: number; cmd: 'pause' | 'resume' | 'histogram' | 'routes' | 'caseCount' | 'close'; from?: number; to?: number };

process.on('message', (message: Command) => {
  void (async () => {
    let result: unknown = null;
    if (message.cmd === 'pause') await backend.pause();
    else if (message.cmd === 'resume') await backend.resume();
    else if (message.cmd === 'caseCount') result = backend.caseCount();
    else if (message.cmd === 'histogram') {
      // Requests per second (by the server's clock), counting every request that reached the server.
      const buckets: Record<number, number> = {};
      for (const entry of backend.requestLog()) {
        if (entry.at < (message.from ?? 0) || entry.at >= (message.to ?? Number.POSITIVE_INFINITY)) continue;
        const second = Math.floor(entry.at / 1000);
        buckets[second] = (buckets[second] ?? 0) + 1;
      }
      result = buckets;
    } else if (message.cmd === 'routes') {
      const counts: Record<string, number> = {};
      for (const entry of backend.requestLog()) {
        if (entry.at < (message.from ?? 0) || entry.at >= (message.to ?? Number.POSITIVE_INFINITY)) continue;
        const key = `${entry.route} ${entry.status}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      result = counts;
    } else if (message.cmd === 'close') {
      await backend.close();
      process.send!({ id: message.id, result: null }, () => process.exit(0));
      return;
    }
    process.send!({ id: message.id, result });
  })();
});
process.send!({ id: 0, result: backend.url });
