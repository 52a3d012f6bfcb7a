import { z } from 'zod';

/** Scheduled backups: every 15 minutes, the last 24 kept (6 hours; about 9 MB each for the demo estate). */
const scheduleEnv = z.object({
  // Fractions are allowed so tests can ask for a backup every few hundred milliseconds.
  GUANJIA_BACKUP_EVERY_MINUTES: z.coerce.number().min(0).max(10_080).default(15),
  GUANJIA_BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(24),
});

export interface BackupSchedule {
  /** 0 turns scheduled backups off. */
  everyMs: number;
  keep: number;
}

export function backupSchedule(env: Record<string, string | undefined>): BackupSchedule {
  const e = scheduleEnv.parse({
    GUANJIA_BACKUP_EVERY_MINUTES: env.GUANJIA_BACKUP_EVERY_MINUTES || undefined,
    GUANJIA_BACKUP_KEEP: env.GUANJIA_BACKUP_KEEP || undefined,
  });
  return { everyMs: Math.round(e.GUANJIA_BACKUP_EVERY_MINUTES * 60_000), keep: e.GUANJIA_BACKUP_KEEP };
}

/** `guanjia-auto-2025-12-06T02-15-00-000Z.tar.gz`: sorts by time, never contains ':' (Windows shares). */
export const timestampName = (prefix: string, at: Date) =>
  `${prefix}-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;

/** The files of one series (`guanjia-auto`, `guanjia-shutdown`) beyond the newest `keep`, to delete. */
export function beyondRetention(names: readonly string[], prefix: string, keep: number): string[] {
  const series = names.filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.tar.gz')).sort();
  return series.slice(0, Math.max(0, series.length - keep));
}

export interface BackupFile {
  name: string;
  size: number;
  mtimeMs: number;
}

/**
 * Backups a restore could use, newest first: finished dumps only (a `.partial` is a dump that was
 * cut off) and never an empty file. Written time decides, not the name, so a backup written by hand
 * under another name counts too.
 */
export function restoreCandidates(files: readonly BackupFile[]): BackupFile[] {
  return files
    .filter((f) => f.name.endsWith('.tar.gz') && f.size > 0)
    .sort((a, b) => b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name));
}

/** Shell-quote a path only when it needs it. */
const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/** The exact command that restores `file` into the data directory the server was started with. */
export function restoreCommand(file: string, dataDirFromEnv: string | undefined): string {
  const env = dataDirFromEnv ? `GUANJIA_DATA_DIR=${quote(dataDirFromEnv)} ` : '';
  return `${env}npm run restore -- ${quote(file)}`;
}
