import { UPLOAD_KINDS } from '@guanjia/shared/api';
import { z } from 'zod';

/** POST /api/uploads?kind=&projectId=: the file itself is the multipart body's one file field. */
export const uploadQuery = z.object({
  kind: z.enum(UPLOAD_KINDS).default('photo'),
  /** The project the photo is for (checked against the caller's scope); may be given when attached. */
  projectId: z.coerce.number().int().positive().optional(),
});
export type UploadQuery = z.infer<typeof uploadQuery>;
