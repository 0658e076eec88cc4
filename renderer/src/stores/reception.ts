import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CapturedMaterialRef, CaseDraft, CaseRecord } from '../../../domain/case';
import { applicantFromCard, applicantFromPassport, applicantFromSocialSecurityCard, type ApplicantIdentity } from '../../../domain/applicant';
import type { SocialSecurityCardReading } from '../../../domain/social-security-card';
import type { OcrWarning } from '../../../domain/ocr-cross-check';
import type { CardReading } from '../../../domain/identity-card';
import type { MrzReading } from '../../../domain/mrz';
import type { CardPrefill, ServiceItem, SignerRole } from '../../../domain/service-item';
import type { Signature } from '../../../domain/signature';
import { describeError, fieldProblemsOf, type ShownError } from '../errors';
import { terminal } from '../terminal';
import { onCardReads } from '../card-reads';
import { useStatusStore } from './status';

export type ReceptionStep = 'card' | 'item' | 'form' | 'sign' | 'done';

export interface CapturedPage extends CapturedMaterialRef {
  mimeType: string;
  size: number;
  /** Base64 of the image, for the thumbnail. */
  data: string;
  /** Nothing on it (a blank back): left out of the material unless the officer undoes that. */
  blank?: boolean;
  dropped?: boolean;
}

/** A feeder batch running for one material. */
export interface RunningBatch {
  batchId: string;
  materialKey: string;
  /** Pages that arrived so far. */
  count: number;
}

/** One reception case, from the card on the reader (or a passport) to the saved case. */
export const useReceptionStore = defineStore('reception', () => {
  const step = ref<ReceptionStep>('card');
  const reading = ref<CardReading>();
  /** Set when the applicant was identified by a social security card (PC/SC reader) instead of an ID card. */
  const socialSecurityCard = ref<SocialSecurityCardReading>();
  /** Set when the applicant was identified by a passport instead of a card. */
  const passport = ref<MrzReading>();
  const catalogue = ref<ServiceItem[]>([]);
  const item = ref<ServiceItem>();
  const form = ref<Record<string, string>>({});
  const saved = ref<CaseRecord>();
  /** Case changes seen while a creation is in flight (its answer can arrive after the case already synced). */
  let changedWhileSaving: Map<string, CaseRecord> | undefined;
  const error = ref<ShownError>();
  const fieldProblems = ref<string[]>([]);
  const busy = ref(false);
  /** One per form: a submission repeated after a lost reply is recognised by the services (see CaseDraft.submissionId). */
  let submissionId: string = crypto.randomUUID();
  const signatures = ref<Partial<Record<SignerRole, Signature>>>({});
  const pledgeAccepted = ref(false);
  /** The application form as the terminal rendered and holds it: shown here, on the pad, printed and signed by id. */
  const preview = ref<{ formId: string; pdf: string; warnings: { code: string; params?: Record<string, string | number> }[] }>();
  let previewing: Promise<void> = Promise.resolve();
  /** Pages scanned for the item's materials; the terminal holds them until the case is saved. */
  const captures = ref<CapturedPage[]>([]);
  /**
   * OCR cross-check of each captured page against the form (by capture id): only a name or ID number that differs
   * is kept, as a warning naming the field; a page it cannot read says nothing (many materials carry neither).
   */
  const crossChecks = ref<Record<string, OcrWarning[]>>({});
  /** The material key being scanned now. */
  const scanning = ref<string>();
  const batch = ref<RunningBatch>();

  const card = computed(() => reading.value?.card);
  /** The zone a passport reader read (the services hold it); a typed zone has none. */
  let passportReadingId: string | undefined;
  /** The reading the applicant was identified from, for the services to tell chip, zone and typing apart. */
  const readingId = (): string | undefined => (passport.value ? passportReadingId : socialSecurityCard.value ? socialSecurityCard.value.readingId : reading.value?.readingId);
  const applicant = computed(() => {
    if (passport.value) return applicantFromPassport(passport.value);
    if (socialSecurityCard.value) return applicantFromSocialSecurityCard(socialSecurityCard.value.card);
    return card.value && applicantFromCard(card.value);
  });

  async function load(): Promise<void> {
    // Only the reads the reception screen asked for (it asks while it is the screen in front: App.vue).
    onCardReads('idCard.cardRead', 'reception', (next) => acceptReading(next));
    terminal.on('documentScanner.batchPage', (event) => {
      if (batch.value?.batchId !== event.batchId) return void (starting && early.push({ batchId: event.batchId, apply: () => batchPage(event) }));
      batchPage(event);
    });
    terminal.on('documentScanner.batchEnded', (event) => {
      if (batch.value?.batchId !== event.batchId) return void (starting && early.push({ batchId: event.batchId, apply: () => batchEnded(event) }));
      batchEnded(event);
    });
    onCardReads('socialSecurityCard.cardRead', 'reception', (next) => acceptSocialSecurityCard(next));
    terminal.on('catalogue.changed', () => void refreshCatalogue());
    terminal.on('cases.changed', (record) => {
      if (saved.value?.id === record.id) saved.value = record;
      else if (changedWhileSaving) changedWhileSaving.set(record.id, record);
    });
    await refreshCatalogue();
  }

  async function refreshCatalogue(): Promise<void> {
    catalogue.value = (await terminal.catalogue.list()).filter((candidate) => !candidate.retired);
  }

  /** A card placed mid-form belongs to the next resident only once this case is done. */
  function acceptReading(next: CardReading): void {
    if (step.value === 'card' || step.value === 'done') {
      reading.value = next;
      socialSecurityCard.value = undefined;
      passport.value = undefined;
      error.value = undefined;
      saved.value = undefined;
      step.value = 'item';
    }
  }

  /** A social security card inserted (or read on request) starts the case like an ID card. */
  function acceptSocialSecurityCard(next: SocialSecurityCardReading): void {
    if (step.value === 'card' || step.value === 'done') {
      socialSecurityCard.value = next;
      reading.value = undefined;
      passport.value = undefined;
      error.value = undefined;
      saved.value = undefined;
      step.value = 'item';
    }
  }

  async function readSocialSecurityCard(): Promise<void> {
    busy.value = true;
    error.value = undefined;
    try {
      acceptSocialSecurityCard(await terminal.socialSecurityCard.read({ timeoutMs: 10_000 }));
    } catch (caught) {
      error.value = describeError(caught);
    } finally {
      busy.value = false;
    }
  }

  /** The officer starts the case from a passport whose zone checked out. */
  function usePassport(mrz: MrzReading, readingId?: string): void {
    if (!applicantFromPassport(mrz) || (step.value !== 'card' && step.value !== 'done')) return;
    reading.value = undefined;
    socialSecurityCard.value = undefined;
    passport.value = mrz;
    passportReadingId = readingId;
    error.value = undefined;
    saved.value = undefined;
    step.value = 'item';
  }

  async function readCard(): Promise<void> {
    busy.value = true;
    error.value = undefined;
    try {
      acceptReading(await terminal.idCard.read({ timeoutMs: 10_000 }));
    } catch (caught) {
      error.value = describeError(caught);
    } finally {
      busy.value = false;
    }
  }

  function chooseItem(next: ServiceItem): void {
    discardCaptures();
    item.value = next;
    submissionId = crypto.randomUUID();
    form.value = Object.fromEntries(next.formSchema.map((field) => [field.key, prefill(applicant.value, field.prefill)]));
    fieldProblems.value = [];
    error.value = undefined;
    signatures.value = {};
    pledgeAccepted.value = false;
    step.value = 'form';
  }

  /** The case as it stands: what the form shows and what is submitted. */
  function draft(): CaseDraft | undefined {
    if (!item.value || !applicant.value) return undefined;
    return {
      serviceItemId: item.value.id,
      applicant: { ...caseApplicant(applicant.value), ...(readingId() ? { readingId: readingId() } : {}) },
      form: { ...form.value },
      ...(Object.keys(signatures.value).length ? { signatures: signatures.value } : {}),
      ...(item.value.pledge ? { pledgeAccepted: pledgeAccepted.value } : {}),
      ...(captures.value.length ? { capturedMaterials: capturedMaterials() } : {}),
    };
  }

  /** One page on the glass (or the next sheet in the feeder); `replacing`: a page rescanned in its place. */
  async function scanMaterial(materialKey: string, replacing?: string): Promise<void> {
    if (!item.value) return;
    scanning.value = materialKey;
    error.value = undefined;
    try {
      const page = await terminal.documentScanner.scan({ serviceItemId: item.value.id, materialKey });
      const captured: CapturedPage = { materialKey, ...page, ...(page.blank ? { dropped: true } : {}) };
      const at = replacing === undefined ? -1 : captures.value.findIndex((capture) => capture.captureId === replacing);
      if (at === -1) captures.value = [...captures.value, captured];
      else {
        captures.value = captures.value.map((capture, index) => (index === at ? captured : capture));
        void terminal.captures.discard({ captureId: replacing! }).catch(() => undefined);
      }
      void crossCheck(page.captureId);
    } catch (caught) {
      error.value = describeError(caught);
    } finally {
      scanning.value = undefined;
    }
  }

  /** Batch events that came before the batch's id did (a fast feeder): applied once the id is known. */
  let starting = false;
  let early: { batchId: string; apply: () => void }[] = [];

  function batchPage({ materialKey, page }: { materialKey: string; page: Omit<CapturedPage, 'materialKey'> }): void {
    if (batch.value) batch.value = { ...batch.value, count: batch.value.count + 1 };
    captures.value = [...captures.value, { materialKey, ...page, ...(page.blank ? { dropped: true } : {}) }];
  }

  function batchEnded({ fault }: { fault?: { code: string; params: Record<string, string | number> } }): void {
    batch.value = undefined;
    scanning.value = undefined;
    if (fault) error.value = describeError(fault);
  }

  /** A stack in the feeder, one side or both: pages arrive one by one (documentScanner.batchPage). */
  async function scanBatch(materialKey: string, sides: 'simplex' | 'duplex'): Promise<void> {
    if (!item.value || batch.value) return;
    scanning.value = materialKey;
    error.value = undefined;
    starting = true;
    early = [];
    try {
      const { batchId } = await terminal.documentScanner.batchStart({ serviceItemId: item.value.id, materialKey, sides });
      batch.value = { batchId, materialKey, count: 0 };
      for (const event of early.filter((candidate) => candidate.batchId === batchId)) event.apply();
    } catch (caught) {
      scanning.value = undefined;
      error.value = describeError(caught);
    } finally {
      starting = false;
      early = [];
    }
  }

  async function stopBatch(): Promise<void> {
    if (!batch.value) return;
    await terminal.documentScanner.batchStop({ batchId: batch.value.batchId }).catch(() => undefined);
  }

  /** Moves a page one place earlier (-1) or later (+1) among its material's pages. */
  function movePage(captureId: string, step: -1 | 1): void {
    const list = [...captures.value];
    const at = list.findIndex((capture) => capture.captureId === captureId);
    if (at === -1) return;
    const key = list[at]!.materialKey;
    let other = at + step;
    while (other >= 0 && other < list.length && (list[other]!.materialKey !== key || list[other]!.dropped)) other += step;
    if (other < 0 || other >= list.length) return;
    [list[at], list[other]] = [list[other]!, list[at]!];
    captures.value = list;
  }

  /** Leaves a material's blank pages out (as scanned) or puts them back in their places (the officer's undo). */
  function setBlankDropped(materialKey: string, dropped: boolean): void {
    captures.value = captures.value.map((capture) => (capture.materialKey === materialKey && capture.blank ? { ...capture, dropped } : capture));
  }

  async function addPhoto(materialKey: string, data: string): Promise<void> {
    error.value = undefined;
    try {
      const page = await terminal.captures.add({ mimeType: 'image/jpeg', data, ...(item.value ? { serviceItemId: item.value.id, materialKey } : {}) });
      captures.value = [...captures.value, { materialKey, ...page }];
      void crossCheck(page.captureId);
    } catch (caught) {
      error.value = describeError(caught);
    }
  }

  /** In the background: the officer carries on while the page is read; a failure only means no automatic check. */
  async function crossCheck(captureId: string): Promise<void> {
    const name = form.value.name || applicant.value?.name || '';
    const idNumber = form.value.idNumber || applicant.value?.idNumber || '';
    try {
      const result = await terminal.materials.crossCheck({ captureId, name, idNumber });
      const mismatches = result.warnings.filter((warning) => warning.code.endsWith('-mismatch'));
      if (captures.value.some((capture) => capture.captureId === captureId)) crossChecks.value = { ...crossChecks.value, [captureId]: mismatches };
    } catch {
      // Not read (engine or image trouble): the officer checks by eye as today.
    }
  }

  function discardCapture(captureId: string): void {
    captures.value = captures.value.filter((capture) => capture.captureId !== captureId);
    void terminal.captures.discard({ captureId }).catch(() => undefined);
  }

  function discardCaptures(): void {
    for (const capture of captures.value) discardCapture(capture.captureId);
  }

  function capturedMaterials(): CapturedMaterialRef[] {
    return captures.value.filter((capture) => !capture.dropped).map(({ materialKey, captureId }) => ({ materialKey, captureId }));
  }

  async function toSigning(): Promise<void> {
    step.value = 'sign';
    await refreshPreview();
  }

  function refreshPreview(): Promise<void> {
    previewing = previewing.then(renderPreview, renderPreview);
    return previewing;
  }

  async function renderPreview(): Promise<void> {
    error.value = undefined;
    fieldProblems.value = [];
    const current = draft();
    if (!current) return;
    try {
      const result = await terminal.forms.render(current);
      preview.value = { formId: result.formId, pdf: result.pdf, warnings: result.warnings };
    } catch (caught) {
      error.value = describeError(caught);
      preview.value = undefined;
      step.value = 'form';
    }
  }

  function sign(role: SignerRole, signature: Signature | undefined): void {
    const next = { ...signatures.value };
    if (signature) next[role] = signature;
    else delete next[role];
    signatures.value = next;
    void refreshPreview();
  }

  async function submit(): Promise<void> {
    if (!item.value || !applicant.value) return;
    busy.value = true;
    error.value = undefined;
    fieldProblems.value = [];
    try {
      // The case is saved against the form last shown, so wait for the one showing the latest signature.
      await previewing;
      const current = draft()!;
      changedWhileSaving = new Map();
      const created = await terminal.cases.create({ submissionId, ...current, ...(preview.value ? { formId: preview.value.formId } : {}) });
      // The case may sync before its creation answers: the change event then came first and is the newer record.
      saved.value = changedWhileSaving.get(created.id) ?? created;
      // Saved with the case; the terminal has let them go.
      captures.value = [];
      step.value = 'done';
    } catch (caught) {
      error.value = describeError(caught);
      fieldProblems.value = fieldProblemsOf(caught);
      if (fieldProblems.value.some((problem) => !problem.startsWith('pledge:'))) step.value = 'form';
      if (error.value.code === 'storage-full') void useStatusStore().refreshStorage();
    } finally {
      changedWhileSaving = undefined;
      busy.value = false;
    }
  }

  /** The saved case as the services hold it now (after they restarted, its sync-state events may have been lost). */
  function refreshSaved(records: CaseRecord[]): void {
    const current = saved.value && records.find((record) => record.id === saved.value!.id);
    if (current) saved.value = current;
  }

  function reset(): void {
    discardCaptures();
    step.value = 'card';
    reading.value = undefined;
    socialSecurityCard.value = undefined;
    passport.value = undefined;
    crossChecks.value = {};
    item.value = undefined;
    form.value = {};
    signatures.value = {};
    pledgeAccepted.value = false;
    preview.value = undefined;
    saved.value = undefined;
    error.value = undefined;
    fieldProblems.value = [];
  }

  return {
    step, reading, socialSecurityCard, crossChecks, card, passport, applicant, catalogue, item, form, saved, error, fieldProblems, busy, signatures, pledgeAccepted, preview, captures, scanning, batch,
    load, readCard, readSocialSecurityCard, usePassport, chooseItem, scanMaterial, scanBatch, stopBatch, movePage, setBlankDropped, addPhoto, discardCapture, toSigning, refreshPreview, sign, submit, refreshSaved, reset,
    back: () => (step.value = step.value === 'sign' ? 'form' : step.value === 'form' ? 'item' : 'card'),
  };
});

function prefill(applicant: ApplicantIdentity | undefined, source: CardPrefill | undefined): string {
  if (!applicant || !source) return '';
  return applicant[source] ?? '';
}

function caseApplicant(identity: ApplicantIdentity): CaseDraft['applicant'] {
  return { cardType: identity.documentType, name: identity.name, idNumber: identity.idNumber };
}

