import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.pageSize;

/** Query-string booleans: "true"/"1" and "false"/"0". */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Comma-separated ids in a query string: ?ids=1,2,3 */
export const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'comma-separated ids')
  .transform((v) => v.split(',').map(Number));

export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Every update carries the version the caller read; a stale one answers 409. */
export const versioned = z.object({ version: z.number().int().positive() });

/** `?version=N` on DELETE: the row version the caller saw (stale → 409), as PATCH bodies carry it. */
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });
