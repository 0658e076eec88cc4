import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { homeFirst, type CentreQueueInfo, type KioskPrompt, type KioskSession } from '../../../domain/kiosk-session';
import { describeError } from '../errors';
import { terminal } from '../terminal';

/** The resident's journey as the kiosk shows it; the services keep the ticket, the screen only what it shows. */
export const useKioskSessionStore = defineStore('kiosk-session', () => {
  const session = ref<KioskSession>({ stage: 'idle' });
  /** What the centre asks of the resident now (place a card). */
  const prompt = ref<KioskPrompt>({ kind: 'none' });
  /** Before a ticket: the welcome screen or the list of centres. */
  const screen = ref<'welcome' | 'centres'>('welcome');
  const centres = ref<CentreQueueInfo[]>([]);
  const homeCentreId = ref<string>();
  const busy = ref(false);
  const error = ref<string>();
  /** A resident is being served or waits for a call: idleness does not end the session then. */
  const engaged = computed(() => session.value.stage === 'waiting' || session.value.stage === 'called');

  async function load(): Promise<void> {
    terminal.on('kiosk.sessionChanged', (next) => {
      session.value = next;
    });
    terminal.on('kiosk.prompt', (next) => {
      prompt.value = next;
    });
    // The services were restarted (a crash): they recovered the ticket and any pending evaluation from disk; show them.
    terminal.on('services.status', ({ state }) => {
      if (state === 'ready') void reload();
    });
    await reload();
  }

  async function reload(): Promise<void> {
    [session.value, prompt.value] = await Promise.all([terminal.kiosk.session(), terminal.kiosk.prompt()]);
  }

  async function step<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = undefined;
    try {
      return await work();
    } catch (failure) {
      error.value = describeError(failure).text;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  async function openCentres(): Promise<void> {
    await step(async () => {
      const list = await terminal.kiosk.centres();
      homeCentreId.value = list.homeCentreId;
      centres.value = homeFirst(list);
      screen.value = 'centres';
    });
  }

  async function take(centreId: string): Promise<void> {
    const next = await step(() => terminal.kiosk.takeTicket({ centreId }));
    if (next) session.value = next;
  }

  async function cancel(): Promise<void> {
    const next = await step(() => terminal.kiosk.cancelTicket());
    if (next) session.value = next;
    forgetScreen();
  }

  function forgetScreen(): void {
    screen.value = 'welcome';
    centres.value = [];
    homeCentreId.value = undefined;
    error.value = undefined;
  }

  /** 90 s untouched: back to the welcome screen, nothing of the last resident left on it. */
  async function forget(): Promise<void> {
    if (session.value.stage === 'skipped') await cancel();
    forgetScreen();
  }

  return { session, prompt, screen, centres, homeCentreId, busy, error, engaged, load, openCentres, take, cancel, forget };
});
