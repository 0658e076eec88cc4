/**
 * The registry desk's cases over an in-memory page store, for tests of the case rules alone (the store, sync and the
 * backend are exercised by registry-on-loopback.ts). Each test overrides only the dependencies it observes.
 */
import type { TerminalError } from '../../contract/errors';
import { MaterialCaptures } from '../material-captures';
import type { Capture } from '../material-captures';
import { RegistryCases } from '../registry/registry-cases';
import type { RegistryCaseDeps } from '../registry/registry-case-types';

/** A minimal JPEG: enough for a photo's type check and an archived page. */
export const TEST_JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

export function registryCasesInMemory(overrides: Partial<Omit<RegistryCaseDeps, 'captures' | 'store'>> = {}) {
  const captures = new MaterialCaptures();
  const kept = new Map<string, Capture>();
  const cases = new RegistryCases({
    captures,
    store: {
      save: () => {},
      load: () => [],
      keepPage: async (_caseId, pageId, page) => void kept.set(pageId, page),
      page: (pageId) => kept.get(pageId),
      readPage: async (pageId) => kept.get(pageId),
      dropPage: (pageId) => void kept.delete(pageId),
      abandon: () => {},
    },
    review: () => undefined,
    adoptReview: () => {},
    numberState: () => 'issued',
    submit: async () => {},
    deskEvent: () => {},
    appointmentFor: () => undefined,
    printDocument: async () => {
      throw new Error('not printing here');
    },
    audit: () => {},
    today: () => '2026-05-20',
    registryName: () => '上海市徐汇区民政局',
    ...overrides,
  });
  return { cases, captures, kept, capture: () => captures.add({ data: TEST_JPEG, mimeType: 'image/jpeg' }) };
}

/** The coded refusal a call throws, or undefined when it does not. */
export function refusalOf(run: () => unknown): TerminalError | undefined {
  try {
    run();
  } catch (error) {
    return error as TerminalError;
  }
  return undefined;
}
