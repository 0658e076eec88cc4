/**
 * The resident's session at an extension terminal, as the services keep it
 * and the kiosk shows it: no ticket, waiting in a centre's queue, called by an
 * officer (the video room is prepared while calling), or skipped.
 */
export interface CentreQueueInfo {
  id: string;
  name: string;
  nameEn: string;
  /** Residents waiting now. */
  waiting: number;
  estimatedMinutes: number;
}

export interface CentreList {
  homeCentreId: string;
  centres: CentreQueueInfo[];
}

export interface QueueTicket {
  ticketId: string;
  number: string;
  centreId: string;
  centreName: string;
  centreNameEn: string;
  state: 'waiting' | 'called' | 'skipped' | 'cancelled' | 'done';
  /** Residents ahead, this one included (1: next); 0 once no longer waiting. */
  position: number;
  estimatedMinutes: number;
  officer?: { name: string; window: string };
}

export type KioskSession =
  | { stage: 'idle' }
  | { stage: 'waiting'; ticket: QueueTicket }
  | { stage: 'called'; ticket: QueueTicket; officer: { name: string; window: string } }
  | { stage: 'skipped'; ticket: QueueTicket };

/** The home centre first, then the others as the centre listed them. */
export function homeFirst(list: CentreList): CentreQueueInfo[] {
  const home = list.centres.filter((centre) => centre.id === list.homeCentreId);
  return [...home, ...list.centres.filter((centre) => centre.id !== list.homeCentreId)];
}

/** What the centre has asked the resident to do right now, shown over the session screen. */
export type KioskPrompt =
  | { kind: 'none' }
  | { kind: 'card-read'; commandId: string }
  | { kind: 'evaluation'; request: import('./evaluation').EvaluationRequest }
  /** Change of centre (换中心取号): the officer advises another centre; one touch takes a ticket there. */
  | { kind: 'advice'; centre: { id: string; name: string; nameEn: string }; reason?: string }
  /** A form pushed by the officer, held by the services under `formId`, to be signed on the pad. */
  | { kind: 'form'; pushId: string; formId: string };
