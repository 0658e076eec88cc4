/**
 * Keys that would reload the page or open DevTools. In a packaged terminal a
 * reload drops the form being typed and DevTools expose the renderer to
 * anyone at the counter, so these are swallowed before the page sees them.
 * Pure (takes Electron's `Input` shape) so it is tested without Electron.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export function isDevShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f12' || key === 'browserrefresh') return true;
  const command = input.control || input.meta;
  if (command && key === 'r') return true; // reload, and with Shift a hard reload
  if (command && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true; // DevTools, console, inspector
  if (input.meta && input.alt && (key === 'i' || key === 'j')) return true; // DevTools on macOS
  return false;
}
