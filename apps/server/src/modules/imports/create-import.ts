import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { MAX_IMPORT_ROWS } from './columns';
import { type ImportSummary, importColumns } from './queries';
import { invalidFile, readImportWorkbook } from './read-workbook';
import { IMPORT_JOB, IMPORT_MAX_ATTEMPTS, type ImportJobPayload, publish } from './run-import';
import { imports } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

export interface Upload {
  filename: string;
  file: Buffer;
}

/**
 * Accept an uploaded workbook: check it is an .xlsx with the template's header row, store it and
 * enqueue the import job in the same transaction (no job without its file, no file without its job).
 */
export async function createImport(
  ctx: Ctx,
  auth: AuthContext,
  projectId: number,
  upload: Upload,
): Promise<ImportSummary> {
  assertInScope(auth, projectId, 'Project');
  const sheet = await readImportWorkbook(upload.file);
  if (!sheet.rows.length)
    throw invalidFile('The workbook has no data rows under the header row', { sheet: sheet.sheetName });
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw invalidFile(
      `At most ${MAX_IMPORT_ROWS} rows can be imported from one file; split it into several files`,
      {
        rows: sheet.rows.length,
        max: MAX_IMPORT_ROWS,
      },
    );
  }
  const filename = cleanFilename(upload.filename);
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(imports)
      .values({
        projectId,
        createdBy: auth.userId,
        filename,
        file: upload.file,
        state: 'pending',
        totalRows: sheet.rows.length,
        createdAt: now,
      })
      .returning(importColumns);
    if (!created) throw new Error('insert returned nothing');
    await ctx.queue.enqueue<ImportJobPayload>(
      IMPORT_JOB,
      { importId: created.id },
      { tx, maxAttempts: IMPORT_MAX_ATTEMPTS },
    );
    await recordEvent(tx, userActor(auth), now, {
      action: 'import.created',
      entityType: 'import',
      entityId: created.id,
      projectId,
      after: { filename, totalRows: created.totalRows, bytes: upload.file.length },
    });
    return created;
  });
  await publish(ctx, row);
  return row;
}

/** Keep the base name only, without control characters, at a sane length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(-200);
  return clean || 'import.xlsx';
}
