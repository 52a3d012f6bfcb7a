import type { UploadKind } from '@guanjia/shared/api';
import { customType, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../../platform/db/columns';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Uploaded images, re-encoded by the server (≤ 1600 px), with a thumbnail. Kept in the database rather
 * than the data directory: every node of a PostgreSQL setup reads the same rows, and the PGlite dumps
 * (backup/restore) carry the photos with the work orders that reference them.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    /** The project it belongs to; null until a staff upload made without one is attached to a record. */
    projectId: ref('project_id'),
    kind: text('kind').$type<UploadKind>().notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    thumbnail: bytea('thumbnail').notNull(),
    /** The staff member who uploaded it, or null for a resident on the portal. */
    uploadedById: ref('uploaded_by_id'),
    /** The portal phone (E.164) of a resident's upload: only that phone's sessions read it back. */
    portalPhone: text('portal_phone'),
    createdAt: createdAt(),
  },
  (t) => [
    index('uploads_company_project_idx').on(t.companyId, t.projectId),
    index('uploads_portal_phone_idx').on(t.companyId, t.portalPhone),
  ],
);
export type UploadRow = typeof uploads.$inferSelect;
