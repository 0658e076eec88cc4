/**
 * Personal data leaves the counter PC only once the centre has confirmed the
 * case archived and the retention has passed: with the centre down (no
 * confirmation) nothing goes, however old; after its backup confirms, only
 * cases older than the retention go, and then their names, numbers, forms,
 * signatures, outbox rows and material files are gone from the store file
 * too, with one audit entry each and the chain intact.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actAs } from '../audit/actor';
import { sampleDraft, startPair, waitFor } from '../testing/harness';

const DAY = 86_400_000;
const points = Array.from({ length: 40 }, (_, i) => ({ x: i / 40, y: 0.5, pressure: 0.6, t: i * 8 }));

describe('personal data purge', () => {
  let pair: Awaited<ReturnType<typeof startPair>> | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('purges nothing the centre has not confirmed, then only what is past the retention, leaving no trace in the store file', async () => {
    let offset = 0;
    pair = await startPair({ now: () => Date.now() + offset });
    const { sync, backend, dir } = pair;
    const terminalDir = join(dir, 'terminal');
    const drafts = [0, 1, 2].map((index) => ({ ...sampleDraft(index), signatures: { applicant: { points } } }));
    const withMaterial = await actAs({ officerId: 'officer-0001' }, () =>
      sync.createCaseWithMaterials(drafts[0]!, [{ materialKey: 'id-copy', fileName: 'id-copy-1.jpg', mimeType: 'image/jpeg', data: randomBytes(40_000) }]),
    );
    const others = actAs({ officerId: 'officer-0002' }, () => [sync.createCase(drafts[1]!), sync.createCase(drafts[2]!)]);
    const ids = [withMaterial.id, ...others.map((record) => record.id)];
    await waitFor(() => ids.every((id) => sync.getCase(id)?.syncState === 'synced') && sync.status().uploadsPending === undefined, 15_000, 'delivery');
    const materialFiles = () => new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true }).prepare('SELECT id, file_removed_at FROM materials').all() as { id: string; file_removed_at: string | null }[];
    const [material] = materialFiles();
    const sealedBefore = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true }).prepare('SELECT pii FROM cases WHERE id = ?').get(ids[0]) as { pii: Buffer };

    // The centre goes down before it has confirmed anything: however old the cases get, they stay.
    await backend.pause();
    offset = 45 * DAY;
    expect(sync.purgePersonalData(30 * DAY)).toEqual({ cases: 0, materialFiles: 0 });
    expect(sync.getCase(ids[0]!)).toMatchObject({ applicant: drafts[0]!.applicant, form: drafts[0]!.form, signatures: { applicant: { points } } });
    expect(existsSync(join(terminalDir, 'materials', `${material!.id}.sm4`))).toBe(true);

    // Back, and its backup confirms them archived: a retention that has not passed still keeps them.
    await backend.resume();
    backend.backup();
    sync.retryNow();
    // The first request after the centre's return may meet a connection it cut: pull until one gets through.
    for (let attempt = 0; ; attempt += 1) {
      const ok = await sync.pullNow().then(() => true, (error: unknown) => (attempt < 50 ? false : Promise.reject(error)));
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sync.purgePersonalData(60 * DAY)).toEqual({ cases: 0, materialFiles: 0 });
    expect(sync.getCase(ids[1]!)?.form).toEqual(drafts[1]!.form);

    const outcome = sync.purgePersonalData(30 * DAY);
    expect(outcome.cases).toBe(3);
    expect(sync.getCase(ids[0]!)).toEqual(
      expect.objectContaining({ id: ids[0], syncState: 'synced', serviceItemId: drafts[0]!.serviceItemId, officerId: 'officer-0001', purged: true, form: {}, applicant: { cardType: 'resident', name: '测****', idNumber: '3101**********0012' } }),
    );
    expect(sync.getCase(ids[0]!)).not.toHaveProperty('signatures');
    expect(sync.getCase(ids[0]!)).not.toHaveProperty('signatureBindings');
    expect(sync.listCases(10).map((record) => record.purged)).toEqual([true, true, true]);
    expect(existsSync(join(terminalDir, 'materials', `${material!.id}.sm4`))).toBe(false);
    expect(sync.purgePersonalData(30 * DAY)).toEqual({ cases: 0, materialFiles: 0 });

    const audit = sync.audit();
    const purged = audit.entries(10_000).filter((entry) => entry.action === 'case.purged');
    expect(purged.map((entry) => entry.subject).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(purged)).not.toContain(drafts[0]!.applicant.idNumber);
    expect(audit.verify()).toMatchObject({ ok: true });

    // Neither the case's sealed data nor the outbox row that carried it survive in the file (secure_delete, WAL truncated).
    const db = new Database(join(terminalDir, 'terminal.sqlite'), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'case' AND ref_id IN (?, ?, ?)").get(...ids)).toEqual({ n: 0 });
    db.close();
    const file = Buffer.concat([readFileSync(join(terminalDir, 'terminal.sqlite')), existsSync(join(terminalDir, 'terminal.sqlite-wal')) ? readFileSync(join(terminalDir, 'terminal.sqlite-wal')) : Buffer.alloc(0)]);
    expect(file.includes(sealedBefore.pii.subarray(16, 80))).toBe(false);
  });
});
