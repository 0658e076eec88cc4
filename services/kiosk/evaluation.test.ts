/** The pending evaluation across restarts: offered again once, then given up with a word to the centre; submitted once. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvaluationRequest } from '../../domain/evaluation';
import type { CentreChannel } from '../../sync/centre-channel/centre-channel';
import { tempDir } from '../../sync/testing/harness';
import { KioskEvaluation } from './evaluation';
import { SessionStore } from './session-store';

const dir = tempDir('kiosk-evaluation-');
afterAll(() => dir.remove());

/** The two channel methods the evaluation uses, recorded. */
function channelDouble() {
  const handlers = new Map<string, (payload: unknown) => unknown>();
  const published: { name: string; payload: unknown; id: string }[] = [];
  const channel = {
    handle: (name: string, handler: (payload: unknown) => unknown) => handlers.set(name, handler),
    publish: (name: string, payload: unknown, id: string) => published.push({ name, payload, id }),
  } as unknown as CentreChannel;
  return { channel, handlers, published };
}

function boot(file: string, cityEvaluationOrigin?: string) {
  const store = new SessionStore(join(dir.path, file));
  const double = channelDouble();
  const offers: (EvaluationRequest | undefined)[] = [];
  const evaluation = new KioskEvaluation(double.channel, store, (request) => offers.push(request), cityEvaluationOrigin);
  return { store, evaluation, offers, ...double };
}

describe('kiosk evaluation', () => {
  it('opens a city page only on the configured origin; any other, or none configured, goes to the own page', () => {
    const configured = boot('origin.sqlite', 'https://pj.example.gov.cn');
    configured.handlers.get('evaluation.request')!({ evaluationId: 'eval-a', cityPageUrl: 'https://pj.example.gov.cn/evaluate?t=1' });
    configured.handlers.get('evaluation.request')!({ evaluationId: 'eval-b', cityPageUrl: 'https://pj.example.gov.cn.evil.example/evaluate' });
    expect(configured.offers).toEqual([
      { evaluationId: 'eval-a', timeoutMs: 5_000, cityPageUrl: 'https://pj.example.gov.cn/evaluate?t=1' },
      { evaluationId: 'eval-b', timeoutMs: 5_000 },
    ]);
    configured.store.close();
    const unconfigured = boot('no-origin.sqlite');
    unconfigured.handlers.get('evaluation.request')!({ evaluationId: 'eval-c', cityPageUrl: 'https://pj.example.gov.cn/evaluate' });
    expect(unconfigured.offers).toEqual([{ evaluationId: 'eval-c', timeoutMs: 5_000 }]);
    unconfigured.store.close();
  });

  it('offers a pending evaluation again once after a restart, then gives it up and tells the centre', () => {
    const first = boot('a.sqlite');
    first.handlers.get('evaluation.request')!({ evaluationId: 'eval-1' });
    expect(first.offers).toEqual([{ evaluationId: 'eval-1', timeoutMs: 5_000 }]);
    first.store.close();

    const second = boot('a.sqlite');
    second.evaluation.resume();
    expect(second.offers).toHaveLength(1);
    second.store.close();

    const third = boot('a.sqlite');
    third.evaluation.resume();
    expect(third.offers).toHaveLength(0);
    expect(third.published).toEqual([{ name: 'evaluation.abandoned', payload: { evaluationId: 'eval-1' }, id: 'evaluation-eval-1' }]);
    third.store.close();
  });

  it('submits under the evaluation id once and refuses a second rating', () => {
    const kiosk = boot('b.sqlite');
    kiosk.handlers.get('evaluation.request')!({ evaluationId: 'eval-2', cityPageUrl: 'https://city.example/evaluate', timeoutMs: 3_000 });
    kiosk.evaluation.submit('eval-2', 'interface', 'satisfied');
    expect(kiosk.published).toEqual([{ name: 'evaluation.submitted', payload: { evaluationId: 'eval-2', mode: 'interface', level: 'satisfied', label: '满意' }, id: 'evaluation-eval-2' }]);
    expect(() => kiosk.evaluation.submit('eval-2', 'interface', 'satisfied')).toThrow(/evaluation/);
    expect(() => kiosk.handlers.get('evaluation.request')!({ evaluationId: 'bad id!' })).toThrow();
    kiosk.store.close();
  });
});
