/**
 * Clock-skew acceptance (issue 4): a terminal whose clock is one day ahead
 * or behind loses nothing and pulls correctly. The backend's signature check
 * allows ±5 minutes, so the terminal must learn the server's time from its
 * answers (X-Server-Time) and sign with it; cursors are server change
 * sequences, so pulls do not depend on either clock.
 *   npm run sync:skew -- [--cases 200]
 */
import { parseArgs } from 'node:util';
import { loadSampleCatalogue } from '../../fixtures/backend/server';
import { sampleDraft, startPair, waitFor } from '../../sync/testing/harness';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '200' } } });
const count = Number(values.cases);
let ok = true;
for (const [label, skew] of [
  ['+1 day', 86_400_000],
  ['-1 day', -86_400_000],
  ['+0 (control)', 0],
] as const) {
  const pair = await startPair({ now: () => Date.now() + skew, leasePolicy: { blockSize: 10, lowWater: 2 } });
  const { sync, backend } = pair;
  await sync.pullNow();
  const catalogue = sync.catalogue().length;
  const ids = Array.from({ length: count }, (_, i) => sync.createCase(sampleDraft(i)).id);
  const number = await sync.takeCertificateNumber('J');
  await waitFor(() => sync.status().queued === 0, 60_000, 'drained');
  const item = sync.catalogue()[0]!;
  backend.upsertServiceItem({ ...item, name: `${item.name}（修订）`, revision: item.revision + 1 });
  backend.retireServiceItem(sync.catalogue()[1]!.id);
  await sync.pullNow();
  const pulledChange = sync.catalogue()[0]!.name.endsWith('（修订）') && sync.catalogue().length === catalogue - 1;
  const held = new Set(backend.cases().map((c) => c.id));
  const missing = ids.filter((id) => !held.has(id)).length;
  const refused = backend.requestLog().filter((entry) => entry.status === 401).length;
  const numberYear = number.split('-')[1];
  const pass = missing === 0 && held.size === count && pulledChange && catalogue === loadSampleCatalogue().serviceItems.length && numberYear === String(new Date().getUTCFullYear());
  ok &&= pass;
  process.stdout.write(
    `terminal clock ${label}: ${held.size}/${count} cases at the backend (missing ${missing}); catalogue ${catalogue} items, incremental change pulled: ${pulledChange}; ` +
      `certificate ${number}; requests refused for clock skew before correcting: ${refused} ${pass ? 'PASS' : 'FAIL'}\n`,
  );
  await pair.close();
}
process.stdout.write(ok ? 'PASS\n' : 'FAIL\n');
process.exit(ok ? 0 : 1);
