/**
 * The services entry the shell forks when the payload comes from a slot.
 * The slot's own main/services.js is shell-independent JavaScript, but its
 * runtime dependencies (better-sqlite3, serialport, …; native modules change
 * only with a shell release) are the shell's: a resolve hook makes every bare
 * import from inside the slot resolve as if it came from the shell's own
 * services entry. Relative imports (the slot's own chunks) stay in the slot.
 * The slot was verified (signature and every file's SM3) before this runs.
 */
import { register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { SLOT_SERVICES_ENV } from './slot-services-env';

const HOOKS = `
let slot;
let shell;
export function initialize(data) { slot = data.slot; shell = data.shell; }
const bare = (specifier) => !/^(\\.{1,2}\\/|\\/|[a-zA-Z][a-zA-Z0-9+.-]*:)/.test(specifier);
export async function resolve(specifier, context, next) {
  if (context.parentURL && context.parentURL.startsWith(slot) && bare(specifier)) return next(specifier, { ...context, parentURL: shell });
  return next(specifier, context);
}
`;

const entry = process.env[SLOT_SERVICES_ENV];
if (!entry) throw new Error(`${SLOT_SERVICES_ENV} is not set: the shell forks this entry only for a payload in a slot`);
const payload = dirname(dirname(entry));
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, {
  data: { slot: pathToFileURL(payload + '/').href, shell: pathToFileURL(join(import.meta.dirname, 'services.js')).href },
});
await import(pathToFileURL(entry).href);
