import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { backupPglite, pruneBackups } from './backup-core';
import { timestampName } from './rules/backups';

export const SCHEDULED_PREFIX = 'guanjia-auto';

export interface ScheduledBackups {
  /** No new backup starts; resolves once the one being written (if any) is on disk. */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  everyMs: number;
  keep: number;
  dir: string;
  log?: (line: string) => void;
  now?: () => Date;
}

/**
 * Online backups of the running embedded database: every `everyMs` a dump is written as
 * `guanjia-auto-<time>.tar.gz` (atomically, see backupPglite) and the series is cut to the newest
 * `keep`. The next one is armed when the last finishes, so a slow disk never stacks dumps. A failed
 * backup is logged and the next one still comes: one bad write must not end the schedule.
 */
export function startScheduledBackups(pglite: PGlite, options: ScheduleOptions): ScheduledBackups {
  const log = options.log ?? console.log;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let stopped = false;

  async function once(): Promise<void> {
    try {
      const file = path.join(options.dir, timestampName(SCHEDULED_PREFIX, now()));
      const { bytes, dumpMs } = await backupPglite(pglite, file);
      pruneBackups(options.dir, SCHEDULED_PREFIX, options.keep);
      log(`Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, database busy ${dumpMs} ms)`);
    } catch (error) {
      log(`Scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function arm(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      current = once().finally(() => {
        current = null;
        arm();
      });
    }, options.everyMs);
    // A pending backup never keeps a finished process alive.
    timer.unref();
  }

  if (options.everyMs > 0) arm();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
