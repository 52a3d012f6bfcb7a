import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Services } from '../platform/http/app-types';
import { beyondRetention, timestampName } from './rules/backups';

export { timestampName } from './rules/backups';

export const backupDir = () => process.env.GUANJIA_BACKUP_DIR ?? path.resolve(process.cwd(), 'backups');
const KEEP_SHUTDOWN_BACKUPS = 5;

/**
 * Dump the embedded data directory to a gzipped tarball. The file is written beside its final name,
 * fsynced, then renamed: a crash mid-backup never leaves a truncated file under the real name.
 * (PGlite's own fsync is a no-op, so this dump is the durable copy.)
 *
 * The dump runs inside a transaction of its own, after a CHECKPOINT: while the server runs, PGlite's
 * dump only waits for the statement in progress, so without it the copy could land between two
 * statements of someone's transaction; the checkpoint puts every committed page in the files, so a
 * restore needs no WAL replay. The engine is busy (requests wait) for the whole dump: about 1–2 s
 * for the demo estate.
 */
export async function backupPglite(
  pglite: PGlite,
  file: string,
): Promise<{ file: string; bytes: number; dumpMs: number }> {
  mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  const blob = await pglite.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    return pglite.dumpDataDir('gzip');
  });
  const dumpMs = Math.round(performance.now() - started);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const temp = `${file}.partial`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const dirFd = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return { file, bytes: bytes.length, dumpMs };
}

/** Delete the files of one series beyond the newest `keep`. */
export function pruneBackups(dir: string, prefix: string, keep: number): string[] {
  const old = beyondRetention(readdirSync(dir), prefix, keep);
  for (const f of old) rmSync(path.join(dir, f));
  return old;
}

/** Graceful shutdown of the embedded engine leaves a fresh backup; the last few are kept. */
export async function backupOnShutdown(services: Services): Promise<void> {
  const { pglite } = services.database;
  if (!pglite || process.env.GUANJIA_BACKUP_ON_SHUTDOWN === '0') return;
  const dir = backupDir();
  const { file } = await backupPglite(pglite, path.join(dir, timestampName('guanjia-shutdown', new Date())));
  console.log(`Backup written: ${file}`);
  pruneBackups(dir, 'guanjia-shutdown', KEEP_SHUTDOWN_BACKUPS);
}
