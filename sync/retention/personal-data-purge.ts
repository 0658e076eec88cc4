/**
 * Data minimisation on the counter PC: once the centre has confirmed a case
 * durably archived and the retention (the window a restore recovery may need
 * it for) has passed, the case's personal data leaves this terminal. What the
 * officer's day views and the audit need stays: the case id, item, times,
 * sync state, the officer who received it, the applicant's document type and
 * a masked name and number. Signatures, their bindings, the form's values and
 * the material files go; the delivered outbox row that carried the case too.
 * Each purge is one audit entry (what was removed, never the data).
 *
 * SQLite keeps deleted bytes in free pages and the WAL: the connection runs
 * with secure_delete, and the WAL is checkpointed and truncated after a purge,
 * so a stolen PC does not hold the removed data in its store file either.
 */
import type { CaseRecord } from '../../domain/case';
import type { AuditLog } from '../audit/audit-log';
import type { Sm4Box } from '../crypto/sm';
import type { Db } from '../store/database';

export interface PurgeOutcome {
  cases: number;
  materialFiles: number;
}

type StoredPii = Pick<CaseRecord, 'applicant' | 'form' | 'signatures' | 'pledgeAccepted' | 'signatureBindings' | 'officerId' | 'identitySource'>;

/** Cases per transaction: keeps each write short so the counter's own saves never wait long. */
const BATCH = 500;

export class PersonalDataPurge {
  constructor(
    private readonly db: Db,
    private readonly box: Sm4Box,
    private readonly audit: AuditLog,
    /** Deletes one material's local file (if still there) and records it removed. */
    private readonly removeMaterialFile: (materialId: string) => void,
    private readonly clock: () => number,
  ) {
    db.pragma('secure_delete = ON');
  }

  /** Purges every case archived by the centre and synced at least `retentionMs` ago. */
  purge(retentionMs: number): PurgeOutcome {
    const now = this.clock();
    const before = new Date(now - retentionMs).toISOString();
    const at = new Date(now).toISOString();
    const select = this.db.prepare('SELECT id, pii FROM cases WHERE purged_at IS NULL AND archived_at IS NOT NULL AND synced_at <= ? LIMIT ?');
    const update = this.db.prepare('UPDATE cases SET pii = ?, purged_at = ? WHERE id = ?');
    const dropOutbox = this.db.prepare("DELETE FROM outbox WHERE kind = 'case' AND ref_id = ? AND state = 'delivered'");
    const files = this.db.prepare('SELECT id FROM materials WHERE case_id = ? AND file_removed_at IS NULL');
    const outcome: PurgeOutcome = { cases: 0, materialFiles: 0 };
    for (;;) {
      const batch = this.db
        .transaction(() => {
          const rows = select.all(before, BATCH) as { id: string; pii: Buffer }[];
          for (const row of rows) {
            const pii = this.box.openJson<StoredPii>(row.pii);
            update.run(this.box.sealJson(minimal(pii)), at, row.id);
            dropOutbox.run(row.id);
            const materials = files.all(row.id) as { id: string }[];
            for (const material of materials) this.removeMaterialFile(material.id);
            outcome.materialFiles += materials.length;
            this.audit.append('case.purged', row.id, { removed: removedFields(pii), materialFiles: materials.length });
          }
          return rows.length;
        })
        .immediate();
      outcome.cases += batch;
      if (batch < BATCH) break;
    }
    if (outcome.cases > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return outcome;
  }
}

/** What the day views keep: who (masked) and by what document, and the officer who received the case. */
function minimal(pii: StoredPii): StoredPii & { purged: true } {
  return {
    applicant: { cardType: pii.applicant.cardType, name: maskName(pii.applicant.name), idNumber: maskNumber(pii.applicant.idNumber) },
    form: {},
    ...(pii.officerId ? { officerId: pii.officerId } : {}),
    ...(pii.identitySource ? { identitySource: pii.identitySource } : {}),
    purged: true,
  };
}

function removedFields(pii: StoredPii): string[] {
  return ['applicant.name', 'applicant.idNumber', 'form', ...(['signatures', 'signatureBindings', 'pledgeAccepted'] as const).filter((field) => pii[field] !== undefined)];
}

/** The surname only, as the registry's appointment list shows it: 张三丰 → 张**. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? '*' : characters[0] + '*'.repeat(characters.length - 1);
}

/** First four and last four: 310101195001010012 → 3101**********0012. */
export function maskNumber(idNumber: string): string {
  return idNumber.length <= 8 ? '*'.repeat(idNumber.length) : idNumber.slice(0, 4) + '*'.repeat(idNumber.length - 8) + idNumber.slice(-4);
}
