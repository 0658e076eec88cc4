import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OfficerStatus } from '../../../domain/officer';
import { terminal } from '../terminal';

/** How often, at most, input is reported to the services (their idle clock); well inside the idle period. */
const TOUCH_EVERY_MS = 30_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Who is signed in, and the idle lock. The renderer watches for input and locks the screen after the idle period;
 * the services enforce the same lock on every call, so a stalled renderer cannot keep a screen open.
 */
export const useOfficerStore = defineStore('officer', () => {
  const status = ref<OfficerStatus>();
  // Idleness is real time passed (performance.now), never the PC clock, which may be moved either way.
  let lastInput = performance.now();
  let lastTouch = Number.NEGATIVE_INFINITY;
  let idleTimer: ReturnType<typeof setInterval> | undefined;

  const mayWork = computed(() => status.value !== undefined && (!status.value.required || status.value.state === 'signed-in'));
  const locked = computed(() => status.value?.state === 'locked');

  async function load(): Promise<void> {
    terminal.on('officer.changed', (next) => {
      status.value = next;
    });
    status.value = await terminal.officer.status();
    for (const name of INPUT_EVENTS) window.addEventListener(name, noteInput, { passive: true, capture: true });
    idleTimer ??= setInterval(checkIdle, 5_000);
  }

  function noteInput(): void {
    lastInput = performance.now();
    if (status.value?.state !== 'signed-in' || lastInput - lastTouch < TOUCH_EVERY_MS) return;
    lastTouch = lastInput;
    void terminal.officer.touch().catch(() => undefined);
  }

  function checkIdle(): void {
    if (status.value?.state === 'signed-in' && status.value.required && performance.now() - lastInput >= status.value.idleLockMs) void lock();
  }

  async function signIn(account: string, password: string): Promise<void> {
    status.value = await terminal.officer.signIn({ account, password });
    lastInput = performance.now();
  }

  async function unlock(password: string): Promise<void> {
    status.value = await terminal.officer.unlock({ password });
    lastInput = performance.now();
  }

  async function lock(): Promise<void> {
    status.value = await terminal.officer.lock();
  }

  async function signOut(): Promise<void> {
    status.value = await terminal.officer.signOut();
  }

  return { status, mayWork, locked, load, signIn, unlock, lock, signOut };
});
