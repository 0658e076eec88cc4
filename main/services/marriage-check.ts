/**
 * The marriage rules, enforced where a marriage certificate is printed: the
 * desk shows the same problems before the registrar gets this far, but the
 * rule holds whatever sends the request.
 */
import { z } from 'zod';
import { TerminalError } from '../../contract/errors';
import { marriageProblems } from '../../domain/marriage-rules';

const party = z.object({ name: z.string(), sex: z.string(), birthDate: z.string(), idNumber: z.string() });
const marriageData = z.object({ registeredOn: z.string(), parties: z.tuple([party, party]) });

/** Throws `marriage-not-allowed` for a marriage certificate ('J') whose parties may not marry. */
export function refuseUnlawfulMarriage(type: string, data: unknown): void {
  if (type !== 'J') return;
  // Missing or malformed fields are the document's to report, with their labels.
  const parsed = marriageData.safeParse(data);
  if (!parsed.success) return;
  const problems = marriageProblems(parsed.data.parties, parsed.data.registeredOn);
  if (problems.length === 0) return;
  const described = problems.map((problem) => (problem.code === 'marriage-under-age' ? `${problem.code}:${problem.party}:${problem.minimumAge}:${problem.age}` : problem.code));
  throw new TerminalError('marriage-not-allowed', `marriage refused: ${described.join(', ')}`, { problems: described.join(',') });
}
