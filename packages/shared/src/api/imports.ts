import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

export const IMPORT_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** An estate/resident workbook import and its progress (imports/queries.ts presentImport). */
export const importJobSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  filename: z.string(),
  state: z.enum(IMPORT_STATES),
  totalRows: z.number(),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  errorCount: z.number(),
  message: z.string().nullable(),
  createdAt: isoTime,
  finishedAt: nullableTime,
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const importPageSchema = page(importJobSchema);
