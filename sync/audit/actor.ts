/**
 * Who acts: the officer on whose behalf a call runs. The services run each
 * officer's call inside `actAs`, and everything that call records (audit
 * entries, the case it saves, the numbers it takes or voids) carries the
 * officer's id without every layer passing it along. Work the terminal does
 * on its own (the sync loops) runs outside any call and is recorded as the
 * terminal's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  officerId: string;
}

const storage = new AsyncLocalStorage<Actor>();

export function actAs<T>(actor: Actor | undefined, work: () => T): T {
  return actor ? storage.run(actor, work) : storage.exit(work);
}

export function currentActor(): Actor | undefined {
  return storage.getStore();
}
