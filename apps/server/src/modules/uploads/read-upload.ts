import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { mayRead, type UploadReader } from './rules/may-read';
import { type UploadRow, uploads } from './schema';

/** The upload if this reader may see it; 404 otherwise, the same as for a missing one. */
export async function loadReadable(db: DbOrTx, reader: UploadReader, id: number): Promise<UploadRow> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  if (!row || !mayRead(row, reader)) throw notFound('Upload');
  return row;
}
