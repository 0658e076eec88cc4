import { onBeforeUnmount, onMounted } from 'vue';

export const KIOSK_IDLE_MS = 90_000;

/** Calls `onIdle` once the screen has gone untouched for `timeoutMs` (any touch, click or key restarts it). */
export function useIdle(onIdle: () => void, timeoutMs = KIOSK_IDLE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, timeoutMs);
  };
  const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
  onMounted(() => {
    for (const name of events) window.addEventListener(name, restart, { passive: true, capture: true });
    restart();
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const name of events) window.removeEventListener(name, restart, { capture: true });
  });
}
