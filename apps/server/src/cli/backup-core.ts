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

export const backupDir = () => process.env.GUANJIA_BACKUP_DIR ?? path.resolve(process.cwd(), 'backups');
const KEEP_SHUTDOWN_BACKUPS = 5;

/**
 * Dump the embedded data directory to a gzipped tarball. The file is written beside its final name,
 * fsynced, then renamed: a crash mid-backup never leaves a truncated file under the real name.
 * (PGlite's own fsync is a no-op, so this dump is the durable copy.)
 */
export async function backupPglite(pglite: PGlite, file: string): Promise<{ file: string; bytes: number }> {
  mkdirSync(path.dirname(file), { recursive: true });
  const blob = await pglite.dumpDataDir('gzip');
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
  return { file, bytes: bytes.length };
}

export const timestampName = (prefix: string, at = new Date()) =>
  `${prefix}-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;

/** Graceful shutdown of the embedded engine leaves a fresh backup; the last few are kept. */
export async function backupOnShutdown(services: Services): Promise<void> {
  const { pglite } = services.database;
  if (!pglite || process.env.GUANJIA_BACKUP_ON_SHUTDOWN === '0') return;
  const dir = backupDir();
  const { file } = await backupPglite(pglite, path.join(dir, timestampName('guanjia-shutdown')));
  console.log(`Backup written: ${file}`);
  const old = readdirSync(dir)
    .filter((f) => f.startsWith('guanjia-shutdown-') && f.endsWith('.tar.gz'))
    .sort()
    .slice(0, -KEEP_SHUTDOWN_BACKUPS);
  for (const f of old) rmSync(path.join(dir, f));
}
