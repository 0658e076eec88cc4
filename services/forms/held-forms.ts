/**
 * Application forms rendered once and held by the services under an id. The
 * preview the officer and resident look at, the pad's screen, the printed
 * copy and the document each signature is bound to are the same bytes: the
 * renderer only ever names the form by its id. A case may be saved only
 * against the form last shown for exactly its content.
 */
import { randomUUID } from 'node:crypto';
import { TerminalError } from '../../contract/errors';
import { applicationFormData } from '../../domain/application-form';
import type { CaseDraft } from '../../domain/case';
import { beijingDate } from '../../domain/legal-date';
import type { ServiceItem } from '../../domain/service-item';

export interface HeldForm {
  id: string;
  pdf: Uint8Array;
  /** The form's content (service item, values, signatures, pledge, materials) in a canonical text. */
  contentKey: string;
  /** The form's date as printed on it (Beijing calendar date when rendered). */
  date: string;
  heldAt: number;
}

export interface RenderedDocument {
  pdf: Uint8Array;
  title: string;
  pageCount: number;
  warnings: { code: string; params?: Record<string, string | number> }[];
}

type FormContent = Pick<CaseDraft, 'serviceItemId' | 'applicant' | 'form' | 'signatures' | 'pledgeAccepted' | 'capturedMaterials'>;

/** A few forms per counter at most (one per case being worked on); old ones go first. */
const MAX_HELD = 16;
const HELD_FOR_MS = 4 * 3600_000;

export class HeldForms {
  readonly #forms = new Map<string, HeldForm>();

  constructor(
    private readonly render: (data: Record<string, unknown>) => Promise<RenderedDocument>,
    /** Sealed storage the held forms are written through to, so a restart of the services does not lose them. */
    private readonly vault?: { get<T>(key: string): T | undefined; set(key: string, value: unknown): void; delete(key: string): void },
    private readonly clock: () => number = Date.now,
  ) {}

  /** Renders the application form of a draft from the item as the terminal holds it, and keeps the bytes. */
  async renderFor(draft: FormContent, item: ServiceItem): Promise<RenderedDocument & { formId: string }> {
    const now = this.clock();
    const date = beijingDate(now);
    const rendered = await this.render(applicationFormData(item, draft, date));
    this.#prune(now);
    const id = randomUUID();
    const held: HeldForm = { id, pdf: rendered.pdf, contentKey: contentKey(draft, item), date, heldAt: now };
    this.#forms.set(id, held);
    this.#durably(() => {
      this.vault?.set(id, { ...held, pdf: Buffer.from(held.pdf).toString('base64') });
      this.#index(id);
    });
    return { ...rendered, formId: id };
  }

  get(formId: string): HeldForm {
    const held = this.#forms.get(formId) ?? this.#fromVault(formId);
    if (!held || this.clock() - held.heldAt > HELD_FOR_MS) throw new TerminalError('form-not-held', `no form ${formId.slice(0, 64)} is held`);
    return held;
  }

  /** The form a case is signed on: the one shown, unchanged since. */
  shownFor(formId: string | undefined, draft: FormContent, item: ServiceItem): HeldForm {
    if (!formId) throw new TerminalError('form-not-shown', 'a signed case needs the form the resident was shown');
    const held = this.get(formId);
    if (held.contentKey !== contentKey(draft, item)) throw new TerminalError('form-changed-since-shown', 'the case differs from the form shown to the resident');
    return held;
  }

  discard(formId: string): void {
    this.#forms.delete(formId);
    const vault = this.vault;
    if (!vault) return;
    this.#durably(() => {
      vault.delete(formId);
      vault.set('index', (vault.get<string[]>('index') ?? []).filter((id) => id !== formId));
    });
  }

  /**
   * The copy in the store only lets a form outlive a restart of the services: a failed write (a full disk)
   * must neither refuse the preview nor fail a case already saved.
   */
  #durably(write: () => void): void {
    try {
      write();
    } catch {
      // Held in memory all the same.
    }
  }

  #fromVault(formId: string): HeldForm | undefined {
    const stored = /^[0-9a-f-]{36}$/.test(formId) ? this.vault?.get<Omit<HeldForm, 'pdf'> & { pdf: string }>(formId) : undefined;
    if (!stored) return undefined;
    const held = { ...stored, pdf: new Uint8Array(Buffer.from(stored.pdf, 'base64')) };
    this.#forms.set(formId, held);
    return held;
  }

  /** The ids written to the vault, oldest first, so the oldest go when there are too many. */
  #index(id: string): void {
    if (!this.vault) return;
    const ids = [...(this.vault.get<string[]>('index') ?? []), id];
    while (ids.length > MAX_HELD) this.vault.delete(ids.shift()!);
    this.vault.set('index', ids);
  }

  #prune(now: number): void {
    for (const [id, held] of this.#forms) if (now - held.heldAt > HELD_FOR_MS) this.discard(id);
    while (this.#forms.size >= MAX_HELD) this.#forms.delete(this.#forms.keys().next().value!);
  }
}

/** Canonical text of what the form shows: key order and absent-versus-empty do not matter. */
function contentKey(draft: FormContent, item: ServiceItem): string {
  return canonical({
    item: [item.id, item.revision],
    // What the form shows of the applicant (how they were identified is not on it).
    applicant: { cardType: draft.applicant.cardType, name: draft.applicant.name, idNumber: draft.applicant.idNumber },
    form: draft.form,
    signatures: draft.signatures ?? {},
    pledgeAccepted: draft.pledgeAccepted ?? false,
    materials: [...new Set((draft.capturedMaterials ?? []).map((material) => material.materialKey))].sort(),
  });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
