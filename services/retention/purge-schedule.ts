/**
 * Runs the personal-data purge (sync/retention) on a schedule, with the
 * retention the centre configures: configuration entry
 * `personal-data-retention` = `{ days }`, the window a restore recovery may
 * still need a case on this terminal. Until the centre has said, the default
 * (30 days) applies; nothing is ever purged before the centre confirms a case archived.
 */
import { z } from 'zod';
import type { Logger } from '../../domain/logger';
import type { SyncService } from '../../sync';

export const DEFAULT_PERSONAL_DATA_RETENTION_DAYS = 30;
const EVERY_MS = 3600_000;
const FIRST_AFTER_MS = 60_000;

const retentionEntry = z.object({ days: z.number().min(1).max(3650) });

export function personalDataRetentionMs(configuration: { id: string; value: unknown }[]): number {
  const parsed = retentionEntry.safeParse(configuration.find((entry) => entry.id === 'personal-data-retention')?.value);
  return (parsed.success ? parsed.data.days : DEFAULT_PERSONAL_DATA_RETENTION_DAYS) * 86_400_000;
}

export function schedulePersonalDataPurge(sync: SyncService, logger: Logger): { runNow(): void; close(): void } {
  const runNow = (): void => {
    try {
      const outcome = sync.purgePersonalData(personalDataRetentionMs(sync.configuration()));
      if (outcome.cases > 0) logger.info('personal data purged', { ...outcome });
    } catch (error) {
      // A failed purge leaves the data as it was; the next run tries again.
      logger.warn('personal data purge failed', { detail: (error as Error).message });
    }
  };
  const first = setTimeout(runNow, FIRST_AFTER_MS);
  const every = setInterval(runNow, EVERY_MS);
  first.unref();
  every.unref();
  return {
    runNow,
    close() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
