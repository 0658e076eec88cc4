/**
 * JSON-lines logger. One line per entry so field engineers can grep and ship
 * logs; personal data is never passed in fields by the callers (they log
 * codes and ids, not names or ID numbers).
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../domain/logger';

type Level = 'debug' | 'info' | 'warn' | 'error';

export function createLogger(options: { dir?: string; echo?: boolean; base?: Record<string, unknown> } = {}): Logger {
  let stream: WriteStream | undefined;
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    stream = createWriteStream(join(options.dir, 'terminal.log'), { flags: 'a' });
  }
  const write = (level: Level, base: Record<string, unknown>, message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields });
    stream?.write(line + '\n');
    if (options.echo && level !== 'debug') process.stderr.write(line + '\n');
  };
  const make = (base: Record<string, unknown>): Logger => ({
    debug: (message, fields) => write('debug', base, message, fields),
    info: (message, fields) => write('info', base, message, fields),
    warn: (message, fields) => write('warn', base, message, fields),
    error: (message, fields) => write('error', base, message, fields),
    child: (fields) => make({ ...base, ...fields }),
  });
  return make(options.base ?? {});
}
