/** PostgreSQL's page size: every relation file is a whole number of these. */
export const BLOCK_SIZE = 8192;

/**
 * What a data directory holds before the embedded engine opens it. PGlite runs initdb on any
 * directory without PG_VERSION — also on one that still holds the rest of a database — so a
 * `foreign` directory must never be opened: that would be a silent empty start over real data.
 */
export type DataDirState = 'absent' | 'empty' | 'initialized' | 'foreign';

export function classifyDataDir(entries: readonly string[] | null): DataDirState {
  if (entries === null) return 'absent';
  if (entries.length === 0) return 'empty';
  return entries.includes('PG_VERSION') ? 'initialized' : 'foreign';
}

/** A relation segment: `16478`, `16478.1`, `16478_fsm`, `16478_vm` (not pg_filenode.map, PG_VERSION …). */
const RELATION_FILE = /^\d+(_(fsm|vm|init))?(\.\d+)?$/;

/**
 * Relation files whose size is not whole pages. PostgreSQL reads such a file as if it ended at the
 * last whole page, so rows vanish without an error; without fsync, a power cut leaves exactly such
 * torn files behind.
 */
export function tornRelationFiles(files: readonly { path: string; size: number }[]): string[] {
  return files
    .filter((f) => RELATION_FILE.test(f.path.split('/').pop() ?? '') && f.size % BLOCK_SIZE !== 0)
    .map((f) => f.path);
}
