import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { MediaCheck, SelfCheckReport } from '../../../domain/self-check';
import { terminal } from '../terminal';

/** Camera and microphone as the browser sees them, without opening either (no light comes on). */
async function mediaPresence(): Promise<MediaCheck> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return {
      camera: devices.some((device) => device.kind === 'videoinput') ? 'present' : 'missing',
      microphone: devices.some((device) => device.kind === 'audioinput') ? 'present' : 'missing',
    };
  } catch {
    return { camera: 'missing', microphone: 'missing' };
  }
}

/** The kiosk's self-check: the services run it; the renderer adds what only it can see and shows the alarm. */
export const useSelfCheckStore = defineStore('kiosk-self-check', () => {
  const report = ref<SelfCheckReport>();
  const checking = ref(false);
  const faults = computed(() => report.value?.items.filter((item) => !item.ok) ?? []);

  async function run(): Promise<void> {
    checking.value = true;
    try {
      report.value = await terminal.selfCheck.run({ media: await mediaPresence() });
    } finally {
      checking.value = false;
    }
  }

  function listen(): void {
    terminal.on('selfCheck.reported', (next) => {
      report.value = next;
    });
  }

  return { report, checking, faults, run, listen };
});
