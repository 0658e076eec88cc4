import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CapturedMaterialRef, CaseDraft, CaseRecord } from '../../../domain/case';
import { applicantFromCard, applicantFromPassport, type ApplicantIdentity } from '../../../domain/applicant';
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
}

/** One reception case, from the card on the reader (or a passport) to the saved case. */
export const useReceptionStore = defineStore('reception', () => {
  const step = ref<ReceptionStep>('card');
  const reading = ref<CardReading>();
  /** Set when the applicant was identified by a passport instead of a card. */
  const passport = ref<MrzReading>();
  const catalogue = ref<ServiceItem[]>([]);
  const item = ref<ServiceItem>();
  const form = ref<Record<string, string>>({});
  const saved = ref<CaseRecord>();
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
  /** The material key being scanned now. */
  const scanning = ref<string>();

  const card = computed(() => reading.value?.card);
  /** The zone a passport reader read (the services hold it); a typed zone has none. */
  let passportReadingId: string | undefined;
  /** The reading the applicant was identified from, for the services to tell chip, zone and typing apart. */
  const readingId = (): string | undefined => (passport.value ? passportReadingId : reading.value?.readingId);
  const applicant = computed(() => (passport.value ? applicantFromPassport(passport.value) : card.value && applicantFromCard(card.value)));

  async function load(): Promise<void> {
    // Only the reads the reception screen asked for (it asks while it is the screen in front: App.vue).
    onCardReads('reception', (next) => acceptReading(next));
    terminal.on('catalogue.changed', () => void refreshCatalogue());
    terminal.on('cases.changed', (record) => {
      if (saved.value?.id === record.id) saved.value = record;
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
      passport.value = undefined;
      error.value = undefined;
      saved.value = undefined;
      step.value = 'item';
    }
  }

  /** The officer starts the case from a passport whose zone checked out. */
  function usePassport(mrz: MrzReading, readingId?: string): void {
    if (!applicantFromPassport(mrz) || (step.value !== 'card' && step.value !== 'done')) return;
    reading.value = undefined;
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

  async function scanMaterial(materialKey: string): Promise<void> {
    scanning.value = materialKey;
    error.value = undefined;
    try {
      const page = await terminal.documentScanner.scan({});
      captures.value = [...captures.value, { materialKey, ...page }];
    } catch (caught) {
      error.value = describeError(caught);
    } finally {
      scanning.value = undefined;
    }
  }

  async function addPhoto(materialKey: string, data: string): Promise<void> {
    error.value = undefined;
    try {
      const { captureId, size } = await terminal.captures.add({ mimeType: 'image/jpeg', data });
      captures.value = [...captures.value, { materialKey, captureId, mimeType: 'image/jpeg', size, data }];
    } catch (caught) {
      error.value = describeError(caught);
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
    return captures.value.map(({ materialKey, captureId }) => ({ materialKey, captureId }));
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
      saved.value = await terminal.cases.create({ submissionId, ...current, ...(preview.value ? { formId: preview.value.formId } : {}) });
      // Saved with the case; the terminal has let them go.
      captures.value = [];
      step.value = 'done';
    } catch (caught) {
      error.value = describeError(caught);
      fieldProblems.value = fieldProblemsOf(caught);
      if (fieldProblems.value.some((problem) => !problem.startsWith('pledge:'))) step.value = 'form';
      if (error.value.code === 'storage-full') void useStatusStore().refreshStorage();
    } finally {
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
    passport.value = undefined;
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
    step, reading, card, passport, applicant, catalogue, item, form, saved, error, fieldProblems, busy, signatures, pledgeAccepted, preview, captures, scanning,
    load, readCard, usePassport, chooseItem, scanMaterial, addPhoto, discardCapture, toSigning, refreshPreview, sign, submit, refreshSaved, reset,
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

