/**
 * The composed services against the reference backend on loopback: a
 * submission repeated after its reply was lost (the services process died
 * mid-save and the officer submits the same form again) is the same case,
 * locally and at the backend.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDraft } from '../domain/case';
import type { ServiceItem } from '../domain/service-item';
import { SAMPLE_OFFICERS } from '../fixtures/backend/officers';
import { sampleCards } from '../fixtures/id-card-reader/sample-cards';
import { servicesOnLoopback } from './testing/loopback-services';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

function draftFor(item: ServiceItem, submissionId: string): CaseDraft {
  const card = sampleCards.resident;
  const value = (field: ServiceItem['formSchema'][number]): string => {
    if (field.type === 'select') return field.options![0]!.value;
    if (field.type === 'date') return '2026-11-23';
    if (field.type === 'phone') return '13800138000';
    if (field.type === 'id-number') return card.idNumber;
    return '测试';
  };
  return {
    submissionId,
    serviceItemId: item.id,
    applicant: { cardType: card.cardType, name: card.name, idNumber: card.idNumber },
    form: Object.fromEntries(item.formSchema.map((field) => [field.key, value(field)])),
    ...(item.pledge ? { pledgeAccepted: true } : {}),
  };
}

describe('cases.create', () => {
  it('the same submission twice is one case, here and at the backend', async () => {
    const terminal = await servicesOnLoopback({ prefix: 'services-', version: 'test' });
    cleanup.push(() => terminal.close());
    const { backend, services } = terminal;
    // Cases are an officer's work: sign a sample officer in first.
    expect(await services.dispatch('officer.signIn', { account: SAMPLE_OFFICERS[0]!.account, password: SAMPLE_OFFICERS[0]!.password })).toMatchObject({ ok: true });

    let catalogue: ServiceItem[] = [];
    await expect.poll(async () => (catalogue = ((await services.dispatch('catalogue.list', undefined)) as { result: ServiceItem[] }).result).length).toBeGreaterThan(0);
    const item = catalogue.find((candidate) => !candidate.pledge) ?? catalogue[0]!;
    const draft = draftFor(item, randomUUID());

    const first = await services.dispatch('cases.create', draft);
    const again = await services.dispatch('cases.create', draft);
    expect(first).toMatchObject({ ok: true, result: { id: draft.submissionId } });
    expect(again).toMatchObject({ ok: true, result: { id: draft.submissionId } });
    expect((await services.dispatch('cases.list', undefined)) as { result: unknown[] }).toMatchObject({ result: [{ id: draft.submissionId }] });
    await expect.poll(() => backend.cases().filter((c) => c.idNumber === sampleCards.resident.idNumber).length).toBe(1);

    // A different form is a different case.
    expect(await services.dispatch('cases.create', draftFor(item, randomUUID()))).toMatchObject({ ok: true });
    expect(((await services.dispatch('cases.list', undefined)) as { result: unknown[] }).result).toHaveLength(2);
  });

  it('refuses a submission id that is not a UUID', async () => {
    const terminal = await servicesOnLoopback({ prefix: 'services-', version: 'test' });
    cleanup.push(() => terminal.close());
    const { services } = terminal;
    expect(await services.dispatch('cases.create', { ...draftFor({ id: 'x', formSchema: [] } as unknown as ServiceItem, 'x'), submissionId: "1' OR 1=1" })).toMatchObject({
      ok: false,
      error: { code: 'rpc-invalid-params' },
    });
  });
});
