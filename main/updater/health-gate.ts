/**
 * The health gate after switching to a new payload: the services answer,
 * the device self-check is no worse than before the switch, and one sync
 * round trip with the backend succeeds, all within the gate time (default
 * 10 minutes). Probes are retried until the deadline, because services and
 * devices take a while to come up; the first failure reason is kept for the
 * report.
 */
export interface HealthProbes {
  servicesReady(): Promise<boolean>;
  /** How many devices fail their self-check now. */
  selfCheckFailures(): Promise<number>;
  /** One signed request to the backend and its answer. */
  syncRoundTrip(): Promise<boolean>;
}

export interface HealthGateOptions {
  timeoutMs?: number;
  /** Pause between attempts (default 1 s). */
  intervalMs?: number;
  /** Self-check failures before the switch; the new version may not fail more. */
  baselineSelfCheckFailures: number;
  signal?: AbortSignal;
}

export type HealthGateResult = { passed: true; checks: number } | { passed: false; reason: 'services-not-ready' | 'self-check-worse' | 'sync-round-trip-failed' | 'aborted'; detail: string };

export const DEFAULT_HEALTH_GATE_MS = 10 * 60_000;

export async function runHealthGate(probes: HealthProbes, options: HealthGateOptions): Promise<HealthGateResult> {
  const deadline = performance.now() + (options.timeoutMs ?? DEFAULT_HEALTH_GATE_MS);
  const interval = options.intervalMs ?? 1_000;
  let last: Extract<HealthGateResult, { passed: false }> = { passed: false, reason: 'services-not-ready', detail: 'not checked yet' };
  for (let checks = 1; ; checks += 1) {
    if (options.signal?.aborted) return { passed: false, reason: 'aborted', detail: 'health gate aborted' };
    // An attempt still waiting on an answer when the gate time runs out does not stretch it: the gate fails on time.
    const remaining = Math.max(0, deadline - performance.now());
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<'out-of-time'>((resolve) => {
      timer = setTimeout(() => resolve('out-of-time'), remaining);
    });
    const failure = await Promise.race([attempt(probes, options.baselineSelfCheckFailures), outOfTime]);
    clearTimeout(timer);
    if (failure === 'out-of-time') return { ...last, detail: `${last.detail} (the last check had not answered when the gate time ran out)` };
    if (!failure) return { passed: true, checks };
    last = failure;
    if (performance.now() + interval > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

async function attempt(probes: HealthProbes, baseline: number): Promise<Extract<HealthGateResult, { passed: false }> | undefined> {
  const guard = async <T>(probe: () => Promise<T>): Promise<T | Error> => {
    try {
      return await probe();
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  const ready = await guard(() => probes.servicesReady());
  if (ready !== true) return { passed: false, reason: 'services-not-ready', detail: ready instanceof Error ? ready.message : 'services did not report ready' };
  const failures = await guard(() => probes.selfCheckFailures());
  if (failures instanceof Error) return { passed: false, reason: 'self-check-worse', detail: failures.message };
  if (failures > baseline) return { passed: false, reason: 'self-check-worse', detail: `${failures} devices fail their self-check, ${baseline} before the update` };
  const sync = await guard(() => probes.syncRoundTrip());
  if (sync !== true) return { passed: false, reason: 'sync-round-trip-failed', detail: sync instanceof Error ? sync.message : 'no answer from the backend' };
  return undefined;
}
