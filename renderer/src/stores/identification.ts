import { defineStore } from 'pinia';
import { ref } from 'vue';
import { parseMrz, type PassportReading } from '../../../domain/mrz';
import { classifyScanPayload, type ScanReading } from '../../../domain/scan-payload';
import { terminal } from '../terminal';

/** Codes scanned and passports read at the counter, whichever device they came from. */
export const useIdentificationStore = defineStore('identification', () => {
  const lastScan = ref<ScanReading>();
  const passport = ref<PassportReading>();

  function load(): void {
    terminal.on('scanner.scanned', (reading) => (lastScan.value = reading));
    terminal.on('passport.read', (reading) => (passport.value = reading));
  }

  function keyboardScan(text: string): void {
    lastScan.value = { deviceId: 'keyboard-wedge', source: 'keyboard-wedge', payload: classifyScanPayload(text), receivedAt: new Date().toISOString() };
  }

  function mrzLines(lines: string[], source: 'keyboard-wedge' | 'typed'): void {
    passport.value = { source, mrz: parseMrz(lines), receivedAt: new Date().toISOString() };
  }

  return { lastScan, passport, load, keyboardScan, mrzLines };
});
