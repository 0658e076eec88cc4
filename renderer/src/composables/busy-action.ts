/**
 * A panel's actions, one at a time: `busy` while one runs (its buttons wait),
 * and a failure shown as the panel's error in the officer's words instead of
 * thrown into the console.
 */
import { ref, type Ref } from 'vue';
import { describeError, type ShownError } from '../errors';

export interface BusyAction {
  busy: Ref<boolean>;
  error: Ref<ShownError | undefined>;
  /** Runs the action; its result, or undefined when it failed (the error is then shown). */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

export function useBusyAction(): BusyAction {
  const busy = ref(false);
  const error = ref<ShownError>();
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = undefined;
    try {
      return await action();
    } catch (caught) {
      error.value = describeError(caught);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
