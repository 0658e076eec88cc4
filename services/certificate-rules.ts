/**
 * The registry's rules, enforced where a certificate is printed: the desk
 * shows the same problems before the registrar gets this far, but the rules
 * hold whatever sends the request.
 *  - a marriage certificate ('J') only for two people who may marry;
 *  - (a divorce certificate ('L') only inside the window of an application
 *    found through the centre: registry/divorce-applications.ts;)
 *  - any certificate names each party's nationality in Chinese, never by a code.
 */
import { z } from 'zod';
import { TerminalError } from '../contract/errors';
import type { WorkCalendar } from '../domain/divorce-periods';
import { marriageProblems } from '../domain/marriage-rules';
import { looksLikeCountryCode } from '../domain/registry/nationality';

const party = z.object({ name: z.string(), sex: z.string(), birthDate: z.string(), idNumber: z.string() });
const marriageData = z.object({ registeredOn: z.string(), parties: z.tuple([party, party]) });
const calendarEntry = z.object({ holidays: z.array(z.string()).default([]), workingWeekends: z.array(z.string()).default([]) });

export interface CertificateRequestFacts {
  type: string;
  data: unknown;
}

/** The working-day calendar from the backend's configuration; weekends only until it has been pulled. */
export function workCalendar(configuration: { id: string; value: unknown }[]): { calendar: WorkCalendar; fromBackend: boolean } {
  const parsed = calendarEntry.safeParse(configuration.find((entry) => entry.id === 'holiday-calendar')?.value);
  return parsed.success ? { calendar: parsed.data, fromBackend: true } : { calendar: { holidays: [], workingWeekends: [] }, fromBackend: false };
}

export function refuseAgainstRegistryRules(request: CertificateRequestFacts): void {
  refuseNationalityCodes(request.data);
  if (request.type === 'J') refuseUnlawfulMarriage(request.data);
}

function refuseUnlawfulMarriage(data: unknown): void {
  // Missing or malformed fields are the document's to report, with their labels.
  const parsed = marriageData.safeParse(data);
  if (!parsed.success) return;
  const problems = marriageProblems(parsed.data.parties, parsed.data.registeredOn);
  if (problems.length === 0) return;
  const described = problems.map((problem) => (problem.code === 'marriage-under-age' ? `${problem.code}:${problem.party}:${problem.minimumAge}:${problem.age}` : problem.code));
  throw new TerminalError('marriage-not-allowed', `marriage refused: ${described.join(', ')}`, { problems: described.join(',') });
}

const nationalities = z.object({ parties: z.array(z.object({ nationality: z.string() }).partial()) });

function refuseNationalityCodes(data: unknown): void {
  const parsed = nationalities.safeParse(data);
  if (!parsed.success) return;
  const index = parsed.data.parties.findIndex((party) => party.nationality !== undefined && looksLikeCountryCode(party.nationality));
  if (index >= 0) throw new TerminalError('certificate-nationality-code', `party ${index + 1} nationality is a code`, { n: index + 1, code: parsed.data.parties[index]!.nationality! });
}
