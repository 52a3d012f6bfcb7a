import { notFound, staleVersion } from '../http/errors';

/** Optimistic locking on a row read FOR UPDATE: missing → 404, changed since the caller read it → 409. */
export function checkVersion<T extends { version: number }>(
  row: T | undefined,
  expected: number,
  what: string,
): T {
  if (!row) throw notFound(what);
  if (row.version !== expected) throw staleVersion(what, expected, row.version);
  return row;
}

/** Only keys the caller actually sent: undefined means "leave as is", null means "clear". */
export function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
