import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { applyImportRows, type ImportTarget, type RowOutcome, type RowToApply } from './apply-import-rows';
import { MAX_IMPORT_ROWS } from './columns';
import { type ImportSheet, readImportWorkbook, type SheetRow } from './read-workbook';
import { parseRow } from './rules/parse-row';
import { type ImportRowError, imports } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** The import row without the file and the error list: what progress updates read back. */
const progressColumns = {
  id: imports.id,
  projectId: imports.projectId,
  createdBy: imports.createdBy,
  state: imports.state,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  createdCount: imports.createdCount,
  updatedCount: imports.updatedCount,
  errorCount: imports.errorCount,
  message: imports.message,
  storedErrors: sql<number>`jsonb_array_length(${imports.errors})`.mapWith(Number),
};
type ImportProgress = {
  id: number;
  projectId: number;
  createdBy: number;
  state: 'pending' | 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
  message: string | null;
  storedErrors: number;
};

export const IMPORT_JOB = 'imports.run';
export const IMPORT_MAX_ATTEMPTS = 3;
/** Rows per transaction: big enough to be fast, small enough for steady progress and short locks. */
export const IMPORT_BATCH_ROWS = 100;
/** Error details kept on the import row; the count goes on past it. */
const MAX_STORED_ERRORS = 10_000;

export interface ImportJobPayload {
  importId: number;
}

/**
 * The 'imports.run' job. Each batch commits its rows together with the import's counters, so a
 * crashed or retried job resumes at processedRows; re-applying rows is harmless (updates, never duplicates).
 */
export async function runImport(
  ctx: Ctx,
  importId: number,
  attempt: number,
): Promise<Record<string, unknown>> {
  const { db } = ctx.database;
  const [job] = await db
    .select({ ...progressColumns, file: imports.file })
    .from(imports)
    .where(eq(imports.id, importId));
  if (!job) return { skipped: 'missing' };
  if (job.state === 'done' || job.state === 'failed') return { skipped: job.state };
  const [project] = await db
    .select({ companyId: projects.companyId, areaCode: projects.areaCode })
    .from(projects)
    .where(eq(projects.id, job.projectId));
  if (!project) return finish(ctx, job, 'failed', '项目不存在');
  const actor: Actor = { userId: job.createdBy, companyId: project.companyId, source: 'job' };

  try {
    let sheet: ImportSheet;
    try {
      sheet = await readImportWorkbook(job.file);
    } catch (error) {
      return finish(ctx, job, 'failed', `文件无法读取：${errorText(error)}`, actor);
    }
    const rows = sheet.rows.slice(0, MAX_IMPORT_ROWS);
    let current = await update(ctx, job.id, { state: 'running', totalRows: rows.length });
    await publish(ctx, current);
    for (let start = current.processedRows; start < rows.length; start += IMPORT_BATCH_ROWS) {
      const batch = rows.slice(start, start + IMPORT_BATCH_ROWS);
      current = await processBatch(ctx, current, actor, project.areaCode, batch, start + batch.length);
      await publish(ctx, current);
    }
    const unchanged =
      current.processedRows - current.createdCount - current.updatedCount - current.errorCount;
    const message = `共 ${current.totalRows} 行：新建 ${current.createdCount} 行，更新 ${current.updatedCount} 行，未变化 ${unchanged} 行，错误 ${current.errorCount} 行`;
    return finish(ctx, current, 'done', message, actor);
  } catch (error) {
    // A fault of ours (database gone, bug): let the queue retry, and give up visibly on the last attempt.
    if (attempt < IMPORT_MAX_ATTEMPTS) throw error;
    const [latest] = await db.select(progressColumns).from(imports).where(eq(imports.id, importId));
    return finish(ctx, latest ?? job, 'failed', `导入中断：${errorText(error)}`, actor);
  }
}

async function processBatch(
  ctx: Ctx,
  job: ImportProgress,
  actor: Actor,
  areaCode: string | null,
  batch: readonly SheetRow[],
  processedTo: number,
): Promise<ImportProgress> {
  const errorRoom = Math.max(0, MAX_STORED_ERRORS - job.storedErrors);
  const { db } = ctx.database;
  const invalid: ImportRowError[] = [];
  const invalidRows = new Set<number>();
  const valid: RowToApply[] = [];
  for (const sheetRow of batch) {
    const parsed = parseRow(sheetRow.raw, { areaCode, numeric: sheetRow.numeric });
    if (parsed.ok) valid.push({ row: sheetRow.row, parsed: parsed.value });
    else {
      invalidRows.add(sheetRow.row);
      for (const e of parsed.errors) invalid.push({ row: sheetRow.row, ...e });
    }
  }
  const target = (): ImportTarget => ({ projectId: job.projectId, areaCode, actor, now: ctx.clock.now() });
  const save = async (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], outcomes: RowOutcome[]) => {
    const failed = outcomes.flatMap((o) => (o.result === 'error' ? [o.error] : []));
    const errors = [...invalid, ...failed].sort((a, b) => a.row - b.row);
    const [row] = await tx
      .update(imports)
      .set({
        state: 'running',
        processedRows: processedTo,
        createdCount: sql`${imports.createdCount} + ${outcomes.filter((o) => o.result === 'created').length}`,
        updatedCount: sql`${imports.updatedCount} + ${outcomes.filter((o) => o.result === 'updated').length}`,
        errorCount: sql`${imports.errorCount} + ${invalidRows.size + failed.length}`,
        ...(errors.length && errorRoom > 0
          ? { errors: sql`${imports.errors} || ${JSON.stringify(errors.slice(0, errorRoom))}::jsonb` }
          : {}),
      })
      .where(eq(imports.id, job.id))
      .returning(progressColumns);
    if (!row) throw new Error(`import ${job.id} disappeared`);
    return row;
  };

  try {
    return await db.transaction(async (tx) => save(tx, await applyImportRows(tx, target(), valid)));
  } catch (error) {
    if (!isRowDataError(error)) throw error;
  }
  // The database refused one row and the batch rolled back: apply one row per transaction to find it.
  const outcomes: RowOutcome[] = [];
  for (const row of valid) {
    try {
      outcomes.push(...(await db.transaction((tx) => applyImportRows(tx, target(), [row]))));
    } catch (error) {
      if (!isRowDataError(error)) throw error;
      outcomes.push({
        row: row.row,
        result: 'error',
        error: { row: row.row, column: '', reason: `保存失败：${errorText(error)}` },
      });
    }
  }
  return db.transaction((tx) => save(tx, outcomes));
}

/** Errors caused by a row's values (SQLSTATE 22xxx data, 23xxx constraint; our own 4xx), not by the system. */
function isRowDataError(error: unknown): boolean {
  if (error instanceof AppError) return error.status < 500;
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The innermost message: a wrapped database error carries the SQL text outside and the reason inside. */
function errorText(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 4 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}

async function update(
  ctx: Ctx,
  id: number,
  values: Partial<typeof imports.$inferInsert>,
): Promise<ImportProgress> {
  const [row] = await ctx.database.db
    .update(imports)
    .set(values)
    .where(eq(imports.id, id))
    .returning(progressColumns);
  if (!row) throw new Error(`import ${id} disappeared`);
  return row;
}

async function finish(
  ctx: Ctx,
  job: ImportProgress,
  state: 'done' | 'failed',
  message: string,
  actor?: Actor,
) {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(imports)
      .set({ state, message, finishedAt: now })
      .where(eq(imports.id, job.id))
      .returning(progressColumns);
    if (actor) {
      await recordEvent(tx, actor, now, {
        action: state === 'done' ? 'import.finished' : 'import.failed',
        entityType: 'import',
        entityId: job.id,
        projectId: job.projectId,
        after: updated ? progressData(updated) : { state, message },
      });
    }
    return updated ?? { ...job, state, message, finishedAt: now };
  });
  await publish(ctx, row);
  return progressData(row);
}

export const progressData = (row: Omit<ImportProgress, 'storedErrors'>) => ({
  state: row.state,
  processedRows: row.processedRows,
  totalRows: row.totalRows,
  createdCount: row.createdCount,
  updatedCount: row.updatedCount,
  errorCount: row.errorCount,
  ...(row.message ? { message: row.message } : {}),
});

/** Live progress goes to the importing user only. A broken bus never fails the import. */
export async function publish(
  ctx: Pick<Services, 'bus'>,
  row: Omit<ImportProgress, 'storedErrors'>,
): Promise<void> {
  try {
    await ctx.bus.publish({
      type: 'import.progress',
      userId: row.createdBy,
      projectId: row.projectId,
      entityType: 'import',
      entityId: row.id,
      data: progressData(row),
    });
  } catch {
    // Progress is also on GET /api/imports/:id.
  }
}
