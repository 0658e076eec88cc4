import { onMounted, onUnmounted } from 'vue';
import { KeyboardWedgeDetector } from '../../../domain/keyboard-wedge';
import { MrzLineAssembler } from '../../../domain/mrz';

/**
 * Scanners and passport readers in keyboard mode "type" their data. Bursts
 * too fast for a person become scans; lines that assemble into an MRZ become
 * a passport zone. Keys typed into a form field are the officer's and are
 * left alone.
 */
export function useKeyboardWedge(handlers: { onScan(text: string): void; onMrz(lines: string[]): void }): void {
  const detector = new KeyboardWedgeDetector();
  const mrz = new MrzLineAssembler();

  function onKeyDown(event: KeyboardEvent): void {
    if (isEditable(event.target)) return;
    for (const verdict of detector.push({ key: event.key, time: event.timeStamp })) {
      if (verdict.kind !== 'scan') continue;
      const zone = mrz.push(verdict.text);
      if (zone) handlers.onMrz(zone.lines);
      else if (!mrz.pending) handlers.onScan(verdict.text);
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown, { capture: true }));
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown, { capture: true }));
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
