import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { DataDirDamagedError } from '../platform/db/integrity';
import { backupDir } from './backup-core';
import { type BackupFile, restoreCandidates, restoreCommand } from './rules/backups';

/** A dump whose gzip stream reads to its end with a correct checksum (a cut-off copy does not). */
async function readsToEnd(file: string): Promise<boolean> {
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  try {
    await pipeline(createReadStream(file), createGunzip(), discard);
    return true;
  } catch {
    return false;
  }
}

/** The newest backup in `dir` that is complete, or null. */
export async function newestGoodBackup(dir: string): Promise<{ file: string; writtenAt: Date } | null> {
  if (!existsSync(dir)) return null;
  const files: BackupFile[] = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const s = statSync(path.join(dir, e.name));
      return { name: e.name, size: s.size, mtimeMs: s.mtimeMs };
    });
  for (const candidate of restoreCandidates(files)) {
    const file = path.resolve(dir, candidate.name);
    if (await readsToEnd(file)) return { file, writtenAt: new Date(candidate.mtimeMs) };
  }
  return null;
}

/**
 * What the operator reads when the embedded database cannot be used: what is wrong, that nothing was
 * touched, and the one command that brings the newest good backup back (or what to do without one).
 */
export async function explainDamagedDataDir(
  error: DataDirDamagedError,
  dir = backupDir(),
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const backup = await newestGoodBackup(dir);
  const lines = [
    '数据库无法打开 — Guanjia did not start.',
    error.message,
    `${path.resolve(error.dataDir)} was neither repaired nor overwritten: it is left for inspection.`,
  ];
  if (backup) {
    lines.push(
      `Newest good backup: ${backup.file} (written ${backup.writtenAt.toISOString()}).`,
      'Restore it with (the damaged directory is moved aside, not deleted):',
      `  ${restoreCommand(backup.file, env.GUANJIA_DATA_DIR)}`,
      'then start Guanjia again.',
    );
  } else {
    lines.push(
      `No usable backup in ${path.resolve(dir)} (GUANJIA_BACKUP_DIR).`,
      `Restore one from elsewhere with: ${restoreCommand('<backup.tar.gz>', env.GUANJIA_DATA_DIR)}`,
      `or move ${path.resolve(error.dataDir)} aside to start with a new, empty database.`,
    );
  }
  return lines.join('\n');
}
