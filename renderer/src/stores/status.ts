import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DeviceStatus } from '../../../domain/device';
import type { StorageStatus } from '../../../domain/storage';
import type { SyncStatus } from '../../../domain/sync-status';
import type { TerminalProfile } from '../../../domain/terminal-profile';
import { terminal } from '../terminal';
import { watchDocumentCamera } from '../document-camera';

/** What the status bar shows: devices, the backend link, the outbox, free disk space. */
export const useStatusStore = defineStore('status', () => {
  const devices = ref<DeviceStatus[]>([]);
  const sync = ref<SyncStatus>({ backend: 'unknown', queued: 0, failed: 0, deadLettered: 0 });
  const version = ref('');
  const simulatedDevices = ref(false);
  const registryCode = ref('');
  /** Unknown until the services answer; the shell shows no screen before then. */
  const profile = ref<TerminalProfile>();
  const storage = ref<StorageStatus>();

  async function load(): Promise<void> {
    watchDocumentCamera();
    terminal.on('device.changed', (status) => {
      const index = devices.value.findIndex((d) => d.id === status.id);
      if (index === -1) devices.value.push(status);
      else devices.value[index] = status;
    });
    terminal.on('sync.statusChanged', (status) => {
      sync.value = status;
    });
    terminal.on('storage.changed', (status) => {
      storage.value = status;
    });
    await refresh();
  }

  /** Asks the services for everything shown here; also after they restarted, since their events in between were lost. */
  async function refresh(): Promise<void> {
    const [info, list, syncStatus, storageStatus] = await Promise.all([terminal.app.info(), terminal.devices.list(), terminal.sync.status(), terminal.app.storage()]);
    version.value = info.version;
    simulatedDevices.value = info.simulatedDevices;
    registryCode.value = info.registryCode;
    profile.value = info.profile;
    devices.value = list;
    sync.value = syncStatus;
    storage.value = storageStatus;
  }

  /** Measure free space now (after a save failed for want of it), instead of at the next periodic check. */
  async function refreshStorage(): Promise<void> {
    storage.value = await terminal.app.storage();
  }

  return { devices, sync, version, simulatedDevices, registryCode, profile, storage, load, refresh, refreshStorage };
});
