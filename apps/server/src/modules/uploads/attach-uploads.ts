import { uploadIdOf } from '@guanjia/shared/api';
import { and, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { mayAttach, type UploadReader } from './rules/may-read';
import { uploads } from './schema';

/**
 * A record of `projectId` is about to reference these photos: each upload reference must be one the
 * writer may read and of no other project; an unattached upload becomes the project's. Strings that
 * are not upload references (photos stored before the upload endpoint: data URLs, links) pass as they are.
 */
export async function attachUploads(
  tx: DbOrTx,
  writer: UploadReader,
  projectId: number,
  refs: readonly (string | null | undefined)[],
): Promise<void> {
  const ids = [
    ...new Set(refs.map((r) => (r ? uploadIdOf(r) : null)).filter((x): x is number => x !== null)),
  ];
  if (!ids.length) return;
  const rows = await tx
    .select({
      id: uploads.id,
      companyId: uploads.companyId,
      projectId: uploads.projectId,
      uploadedById: uploads.uploadedById,
      portalPhone: uploads.portalPhone,
    })
    .from(uploads)
    .where(inArray(uploads.id, ids));
  const refused = ids.filter((id) => {
    const row = rows.find((r) => r.id === id);
    return !row || !mayAttach(row, writer, projectId);
  });
  if (refused.length)
    throw new AppError(400, 'invalid_upload', 'A photo reference is not an upload you may use here', {
      uploadIds: refused,
    });
  await tx
    .update(uploads)
    .set({ projectId })
    .where(and(inArray(uploads.id, ids), isNull(uploads.projectId)));
}

/** The staff member as an upload reader. */
export const staffReader = (auth: {
  companyId: number;
  userId: number;
  projectIds: readonly number[];
}): UploadReader => ({
  kind: 'staff',
  companyId: auth.companyId,
  userId: auth.userId,
  projectIds: auth.projectIds,
});
