/**
 * A registry desk's record of its day: each event is stored and queued for
 * the backend in one transaction, so the desk's list survives a restart and
 * the backend hears of each check-in exactly once (the outbox's idempotency).
 * The events carry no personal data: only appointment ids and businesses.
 */
import { randomUUID } from 'node:crypto';
import type { DeskEvent } from '../../domain/registry/appointments';
import type { AuditLog } from '../audit/audit-log';
import type { SyncStore } from '../store/sync-store';

interface DeskEventRow {
  id: string;
  day: string;
  kind: DeskEvent['kind'];
  appointment_id: string | null;
  business: string | null;
  at: string;
}

export type NewDeskEvent = Omit<DeskEvent, 'id' | 'at'>;

export class DeskEvents {
  constructor(
    private readonly store: SyncStore,
    private readonly audit: AuditLog,
    private readonly clock: () => number,
  ) {}

  record(input: NewDeskEvent): DeskEvent {
    const event: DeskEvent = { ...input, id: randomUUID(), at: new Date(this.clock()).toISOString() };
    this.store.db
      .transaction(() => {
        this.store.db
          .prepare('INSERT INTO desk_events (id, day, kind, appointment_id, business, at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(event.id, event.day, event.kind, event.appointmentId ?? null, event.business ?? null, event.at);
        this.store.enqueue('desk-event', event.id, { ...event });
        this.audit.append(`desk.${event.kind}`, event.appointmentId ?? event.id, { day: event.day, ...(event.business ? { business: event.business } : {}) });
      })
      .immediate();
    return event;
  }

  ofDay(day: string): DeskEvent[] {
    const rows = this.store.db.prepare('SELECT * FROM desk_events WHERE day = ? ORDER BY at, rowid').all(day) as DeskEventRow[];
    return rows.map((row) => ({
      id: row.id,
      day: row.day,
      kind: row.kind,
      at: row.at,
      ...(row.appointment_id ? { appointmentId: row.appointment_id } : {}),
      ...(row.business ? { business: row.business as NonNullable<DeskEvent['business']> } : {}),
    }));
  }
}
