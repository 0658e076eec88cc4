/**
 * Divorce by agreement across registries: the desk that receives a joint
 * application records it at the centre before printing the receipt; any
 * desk finds it again by the parties' ID numbers; either party may withdraw
 * it within the cooling-off period (a printed confirmation); both register
 * it inside the certificate window, and only then does an L certificate
 * print. The terminal judges each step on today's Beijing date (the centre's
 * clock) against the dates printed on the receipt, and the centre re-checks
 * them, so nothing is half done when the two disagree.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { divorceApplicationSchema, printedPartySchema } from '../../contract/registry-business';
import { divorcePeriods, divorceVerdict, type DivorceVerdict, type WorkCalendar } from '../../domain/divorce-periods';
import { looksLikeCountryCode } from '../../domain/registry/nationality';
import type { PrintJobRecord } from '../../domain/printing';
import { checkDocumentData } from '../../documents/check';
import { registryForDivision } from '../../documents/kinds/registries';
import type { RegistryBusiness } from '../../domain/registry/business';
import { askCentre, type CentrePort } from './centre-call';

export type DivorceApplication = z.infer<typeof divorceApplicationSchema>;
export type DivorceParty = z.infer<typeof printedPartySchema>;

const answerSchema = z.object({ application: divorceApplicationSchema });
const searchAnswerSchema = z.object({ today: z.string(), applications: z.array(divorceApplicationSchema) });

/** An application as the desk shows it: where it stands today. */
export interface FoundApplication {
  application: DivorceApplication;
  /** Where today falls against the receipt's dates. */
  verdict: DivorceVerdict;
  /** The receiving registry's name when known; the screen names an unknown one by `application.registryCode`. */
  registry?: string;
}

export interface DivorceApplicationsDeps {
  centre: CentrePort;
  registryCode: string;
  /** Today on the Beijing calendar, by the centre's clock. */
  today(): string;
  calendar(): WorkCalendar;
  printDocument(printerId: string, kind: string, data: unknown): Promise<PrintJobRecord>;
  audit(action: string, subject: string, details: Record<string, unknown>): void;
  /**
   * The registration id this terminal recorded at the centre for an application, from its store (the audit chain),
   * so a reprint after a restart of the services re-sends the same registration instead of being refused.
   */
  registrationOf?(applicationId: string): string | undefined;
  /**
   * A business step done at the desk (an application received, a withdrawal recorded): counted as one started and done
   * business of the day, moving its appointment along (registry/desk-steps.ts). Called once per step.
   */
  stepDone?(business: RegistryBusiness, idNumbers: string[]): void;
}

export interface ReceiptOutcome {
  job: PrintJobRecord;
  receivedOn: string;
  coolingOffEnds: string;
  windowOpens: string;
  windowCloses: string;
  applicationId: string;
}

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();
/** On the printed papers (Chinese documents): the registry's name, or the plain Chinese term with its division code. */
const registryName = (code: string): string => registryForDivision(code) ?? `婚姻登记机关（${code}）`;

export class DivorceApplications {
  /** Applications this desk has looked up or received, by id: the only ones it withdraws or registers. */
  readonly #held = new Map<string, DivorceApplication>();
  /**
   * One id per couple until its receipt has printed: a receipt pressed again after a lost answer or a failed print is
   * the same application (the centre answers it again), never a second one refused as pending.
   */
  readonly #pendingReceipts = new Map<string, { id: string; recorded: boolean }>();
  /** This desk's withdrawal and registration ids per application, re-sent unchanged if an answer is lost. */
  readonly #withdrawals = new Map<string, string>();
  readonly #registrations = new Map<string, string>();
  /** Withdrawals the centre has answered here: audited and counted once, however often the confirmation prints. */
  readonly #withdrawalsRecorded = new Set<string>();

  constructor(private readonly deps: DivorceApplicationsDeps) {}

  #found(application: DivorceApplication): FoundApplication {
    this.#held.set(application.id, application);
    const registry = registryForDivision(application.registryCode);
    return { application, verdict: divorceVerdict(application, this.deps.today()), ...(registry ? { registry } : {}) };
  }

  /** The receipt of an application as the centre holds it: its parties and stored dates, never recounted. */
  #receiptData(application: DivorceApplication): Record<string, unknown> {
    const { receivedOn, coolingOffEnds, windowOpens, windowCloses } = application;
    return { parties: application.parties, receivedOn, coolingOffEnds, windowOpens, windowCloses, registry: registryName(application.registryCode), caseNumber: application.id.slice(0, 8).toUpperCase() };
  }

  /**
   * Receives a joint application today. The receipt's data is checked first (a party typed with a blank sex or birth
   * date would be recorded but never print), then the application is recorded at the centre, then the receipt prints.
   * Until it has printed the couple keeps the application's id, so pressing again after a failed print prints the
   * application already recorded, with the dates the centre stored.
   */
  async receive(printerId: string, parties: DivorceParty[]): Promise<ReceiptOutcome> {
    const index = parties.findIndex((party) => looksLikeCountryCode(party.nationality));
    if (index >= 0) throw new TerminalError('certificate-nationality-code', 'nationality is a code', { n: index + 1, code: parties[index]!.nationality });
    const receivedOn = this.deps.today();
    const periods = divorcePeriods(receivedOn, this.deps.calendar());
    const couple = parties.map((party) => party.idNumber.trim().toUpperCase()).join('|');
    const pending = this.#pendingReceipts.get(couple) ?? { id: randomUUID(), recorded: false };
    const request = { id: pending.id, registryCode: this.deps.registryCode, receivedOn, ...periods, parties };
    checkDocumentData('divorce-receipt', this.#receiptData({ ...request, terminalId: '', state: 'received' }));
    this.#pendingReceipts.set(couple, pending);
    const { application } = answerSchema.parse(await askCentre(this.deps.centre, '/v1/registry/divorce-applications', request));
    this.#held.set(application.id, application);
    if (!pending.recorded) {
      pending.recorded = true;
      const { coolingOffEnds, windowOpens, windowCloses } = application;
      this.deps.audit('registry.divorce-application-received', application.id, { receivedOn: application.receivedOn, coolingOffEnds, windowOpens, windowCloses });
      // The business is done once the centre holds the application; the receipt is its paper (reprintable).
      this.deps.stepDone?.('divorce-application', application.parties.map((party) => party.idNumber));
    }
    const job = await this.deps.printDocument(printerId, 'divorce-receipt', this.#receiptData(application));
    this.#pendingReceipts.delete(couple);
    const { receivedOn: on, coolingOffEnds, windowOpens, windowCloses } = application;
    return { job, receivedOn: on, coolingOffEnds, windowOpens, windowCloses, applicationId: application.id };
  }

  /**
   * Prints the receipt of a pending application found at the centre again (a receipt lost, spoiled, or never printed
   * because the services restarted after it was recorded): the dates the centre stored, never recounted.
   */
  async reprintReceipt(applicationId: string, printerId: string): Promise<ReceiptOutcome> {
    const held = this.#held_(applicationId);
    this.#refuseUnlessPending(held, 'reprint the receipt of');
    const job = await this.deps.printDocument(printerId, 'divorce-receipt', this.#receiptData(held));
    // A receipt pressed on the other screen may still hold this application's id: it has printed now.
    for (const [couple, pending] of this.#pendingReceipts) if (pending.id === held.id) this.#pendingReceipts.delete(couple);
    this.deps.audit('registry.divorce-receipt-reprinted', held.id, { receivedOn: held.receivedOn });
    const { receivedOn, coolingOffEnds, windowOpens, windowCloses } = held;
    return { job, receivedOn, coolingOffEnds, windowOpens, windowCloses, applicationId: held.id };
  }

  /** The applications naming these parties (one for a withdrawal, both for a registration), wherever received. */
  async find(idNumbers: string[]): Promise<{ today: string; applications: FoundApplication[] }> {
    const wanted = idNumbers.map((number) => number.trim()).filter(Boolean);
    if (wanted.length === 0) throw new TerminalError('registry-party-missing', 'read a party\'s card first');
    const answer = searchAnswerSchema.parse(await askCentre(this.deps.centre, '/v1/registry/divorce-applications/search', { idNumbers: wanted }));
    return { today: answer.today, applications: answer.applications.map((application) => this.#found(application)) };
  }

  #held_(applicationId: string): DivorceApplication {
    const application = this.#held.get(applicationId);
    if (!application) throw new TerminalError('registry-divorce-application-not-found', `application ${applicationId} has not been looked up here`);
    return application;
  }

  /**
   * The application naming this party that the desk last looked up or received (a pending one first), for the papers
   * the party signs (the withdrawal application names it); undefined when this desk has not seen one.
   */
  heldFor(idNumber: string): (DivorceApplication & { registry: string }) | undefined {
    const naming = [...this.#held.values()].filter((application) => application.parties.some((party) => same(party.idNumber, idNumber)));
    const found = naming.filter((application) => application.state === 'received').at(-1) ?? naming.at(-1);
    return found ? { ...found, registry: registryName(found.registryCode) } : undefined;
  }

  /** Either party withdraws within the cooling-off period; the confirmation prints once the centre has recorded it. */
  async withdraw(applicationId: string, idNumber: string, printerId: string): Promise<{ job: PrintJobRecord; application: DivorceApplication }> {
    const held = this.#held_(applicationId);
    const withdrawer = held.parties.find((party) => same(party.idNumber, idNumber));
    if (!withdrawer) throw new TerminalError('registry-divorce-withdrawal-not-party', 'only a party may withdraw');
    const mine = this.#withdrawals.get(applicationId);
    if (!mine) this.#refuseUnlessPending(held, 'withdraw');
    const today = this.deps.today();
    if (!mine && today > held.coolingOffEnds) {
      throw new TerminalError('registry-withdrawal-after-cooling-off', 'the cooling-off period has ended', {
        coolingOffEnds: held.coolingOffEnds,
        windowOpens: held.windowOpens,
        windowCloses: held.windowCloses,
      });
    }
    const confirmation = (withdrawnOn: string) => this.#withdrawalData(held, withdrawer.idNumber, withdrawnOn);
    // What would not print is refused before the centre records the withdrawal.
    checkDocumentData('divorce-withdrawal', confirmation(today));
    // Kept after the answer: pressing again after a failed print re-sends the same withdrawal and prints.
    const withdrawalId = mine ?? randomUUID();
    this.#withdrawals.set(applicationId, withdrawalId);
    const answer = answerSchema.parse(await askCentre(this.deps.centre, `/v1/registry/divorce-applications/${encodeURIComponent(applicationId)}/withdrawal`, { withdrawalId, idNumber: withdrawer.idNumber }));
    this.#held.set(applicationId, answer.application);
    if (!this.#withdrawalsRecorded.has(withdrawalId)) {
      this.#withdrawalsRecorded.add(withdrawalId);
      this.deps.audit('registry.divorce-application-withdrawn', applicationId, { withdrawalId, withdrawnOn: answer.application.withdrawnOn ?? today });
      this.deps.stepDone?.('divorce-withdrawal', [withdrawer.idNumber]);
    }
    const job = await this.deps.printDocument(printerId, 'divorce-withdrawal', confirmation(answer.application.withdrawnOn ?? today));
    return { job, application: answer.application };
  }

  /** The withdrawal confirmation of an application: the centre's parties and dates, the withdrawing party, this registry. */
  #withdrawalData(application: DivorceApplication, withdrawerId: string, withdrawnOn: string): Record<string, unknown> {
    return {
      parties: application.parties,
      receivedOn: application.receivedOn,
      coolingOffEnds: application.coolingOffEnds,
      withdrawnOn,
      withdrawnBy: same(withdrawerId, application.parties[0]!.idNumber) ? 0 : 1,
      receivingRegistry: registryName(application.registryCode),
      registry: registryName(this.deps.registryCode),
    };
  }

  /**
   * Prints the confirmation of a withdrawal the centre holds again (lost, spoiled, or never printed because the
   * services restarted after the centre recorded it): its stored day and withdrawing party, nothing recorded again.
   */
  async reprintWithdrawal(applicationId: string, printerId: string): Promise<{ job: PrintJobRecord; application: DivorceApplication }> {
    const held = this.#held_(applicationId);
    if (held.state !== 'withdrawn' || !held.withdrawnOn || !held.withdrawnBy) {
      throw new TerminalError('registry-divorce-application-not-withdrawn', `the application is ${held.state}`, { receivedOn: held.receivedOn });
    }
    const job = await this.deps.printDocument(printerId, 'divorce-withdrawal', this.#withdrawalData(held, held.withdrawnBy, held.withdrawnOn));
    this.deps.audit('registry.divorce-withdrawal-reprinted', held.id, { withdrawnOn: held.withdrawnOn });
    return { job, application: held };
  }

  /**
   * The application looked up here; after a restart of the services (the screen still showing it) the desk has
   * forgotten it, so it is found again at the centre by the certificate's parties, never taken from the screen.
   */
  async #heldOrFound(applicationId: string, idNumbers: string[]): Promise<DivorceApplication> {
    if (!this.#held.has(applicationId) && idNumbers.length > 0 && this.deps.registrationOf?.(applicationId)) await this.find(idNumbers.slice(0, 2));
    return this.#held_(applicationId);
  }

  #refuseUnlessPending(application: DivorceApplication, step: string): void {
    if (application.state === 'received') return;
    const params = { receivedOn: application.receivedOn, windowCloses: application.windowCloses };
    throw new TerminalError(`registry-divorce-application-${application.state}`, `cannot ${step}: the application is ${application.state}`, params);
  }

  /**
   * Before an L certificate prints: the application was looked up here, names exactly the parties on the
   * certificate, is still pending, and today is inside its window; then the registration is recorded at the centre
   * (once: printing again after a failed print keeps it), with the case the L number is issued in, so the centre's
   * registration index shows that number once it is reported.
   */
  async registerBeforePrint(request: { divorceApplicationId?: string | undefined; data: unknown; caseId?: string | undefined }): Promise<void> {
    if (!request.divorceApplicationId) throw new TerminalError('registry-divorce-application-missing', 'a divorce certificate needs the application found through the centre');
    const data = z.object({ registeredOn: z.string(), parties: z.array(z.object({ idNumber: z.string() })) }).safeParse(request.data);
    const onCertificate = data.success ? data.data.parties.map((party) => party.idNumber) : [];
    const held = await this.#heldOrFound(request.divorceApplicationId, onCertificate);
    const covers = onCertificate.length === held.parties.length && onCertificate.every((number) => held.parties.some((party) => same(party.idNumber, number)));
    if (!covers) throw new TerminalError('registry-divorce-application-other-parties', 'the certificate names other parties than the application');
    const today = this.deps.today();
    if (data.success && data.data.registeredOn !== today) throw new TerminalError('registry-registration-not-today', 'a registration is dated the day it is made', { today });
    // In memory, or (after a restart of the services) from the store: a reprint of a spoiled L is the same registration.
    const mine = this.#registrations.get(held.id) ?? this.deps.registrationOf?.(held.id);
    if (!mine) {
      this.#refuseUnlessPending(held, 'register');
      const verdict = divorceVerdict(held, today);
      const periods = { coolingOffEnds: held.coolingOffEnds, windowOpens: held.windowOpens, windowCloses: held.windowCloses };
      if (verdict === 'cooling-off') throw new TerminalError('divorce-cooling-off', `cooling-off until ${held.coolingOffEnds}`, periods);
      if (verdict === 'window-passed') throw new TerminalError('divorce-window-passed', `window closed on ${held.windowCloses}`, periods);
    }
    const registrationId = mine ?? randomUUID();
    this.#registrations.set(held.id, registrationId);
    const answer = answerSchema.parse(await askCentre(this.deps.centre, `/v1/registry/divorce-applications/${encodeURIComponent(held.id)}/registration`, { registrationId, ...(request.caseId ? { caseId: request.caseId } : {}) }));
    this.#held.set(held.id, answer.application);
    this.deps.audit('registry.divorce-registered', held.id, { registrationId, registeredOn: answer.application.registeredOn ?? today });
  }
}
