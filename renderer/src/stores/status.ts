import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DeviceStatus } from '../../../domain/device';
import type { SyncStatus } from '../../../domain/sync-status';
import { terminal } from '../terminal';

/** What the status bar shows: devices, the backend link, the outbox. */
export const useStatusStore = defineStore('status', () => {
  const devices = ref<DeviceStatus[]>([]);
  const sync = ref<SyncStatus>({ backend: 'unknown', queued: 0, failed: 0, deadLettered: 0 });
  const version = ref('');
  const simulatedDevices = ref(false);
  const registryCode = ref('');

  async function load(): Promise<void> {
    terminal.on('device.changed', (status) => {
      const index = devices.value.findIndex((d) => d.id === status.id);
      if (index === -1) devices.value.push(status);
      else devices.value[index] = status;
    });
    terminal.on('sync.statusChanged', (status) => {
      sync.value = status;
    });
    const [info, list, syncStatus] = await Promise.all([terminal.app.info(), terminal.devices.list(), terminal.sync.status()]);
    version.value = info.version;
    simulatedDevices.value = info.simulatedDevices;
    registryCode.value = info.registryCode;
    devices.value = list;
    sync.value = syncStatus;
  }

  return { devices, sync, version, simulatedDevices, registryCode, load };
});
