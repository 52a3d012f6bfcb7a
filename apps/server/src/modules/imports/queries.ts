import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf, pageQuery } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { imports } from './schema';

/** Every column but the file bytes and the error list. */
export const importColumns = {
  id: imports.id,
  projectId: imports.projectId,
  createdBy: imports.createdBy,
  filename: imports.filename,
  state: imports.state,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  createdCount: imports.createdCount,
  updatedCount: imports.updatedCount,
  errorCount: imports.errorCount,
  message: imports.message,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};

export interface ImportSummary {
  id: number;
  projectId: number;
  createdBy: number;
  filename: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
  message: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export const presentImport = (row: ImportSummary) => ({
  id: row.id,
  projectId: row.projectId,
  filename: row.filename,
  state: row.state,
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  createdCount: row.createdCount,
  updatedCount: row.updatedCount,
  errorCount: row.errorCount,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export const importListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
});

export async function listImports(db: Db, auth: AuthContext, q: z.infer<typeof importListQuery>) {
  const where: SQL | undefined = and(
    inArray(imports.projectId, scopeIds(auth)),
    q.projectId ? eq(imports.projectId, q.projectId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(importColumns)
      .from(imports)
      .where(where)
      .orderBy(desc(imports.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(imports).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One import of the caller's projects; another project's import answers 404 like a missing one. */
export async function getImport(db: Db, auth: AuthContext, id: number): Promise<ImportSummary> {
  const [row] = await db.select(importColumns).from(imports).where(eq(imports.id, id));
  if (!row) throw notFound('Import');
  assertInScope(auth, row.projectId, 'Import');
  return row;
}

/** The stored file and errors, for the error workbook. */
export async function getImportDetail(db: Db, auth: AuthContext, id: number) {
  const summary = await getImport(db, auth, id);
  const [row] = await db
    .select({ file: imports.file, errors: imports.errors })
    .from(imports)
    .where(eq(imports.id, id));
  if (!row) throw notFound('Import');
  return { ...summary, ...row };
}
