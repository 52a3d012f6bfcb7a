import type { ImportJob, ImportProgress, ImportState } from '../../api/types';

export const isFinished = (state: ImportState | undefined): boolean => state === 'done' || state === 'failed';

export function fromJob(job: ImportJob | undefined): ImportProgress | null {
  if (!job) return null;
  return {
    state: job.state,
    processedRows: job.processedRows ?? 0,
    totalRows: job.totalRows ?? 0,
    createdCount: job.createdCount ?? 0,
    updatedCount: job.updatedCount ?? 0,
    errorCount: job.errorCount ?? 0,
  };
}

/** Socket pushes and polled reads race; show whichever is further along (a finished state wins). */
export function latest(a: ImportProgress | null, b: ImportProgress | null): ImportProgress | null {
  if (!a) return b;
  if (!b) return a;
  if (isFinished(a.state) !== isFinished(b.state)) return isFinished(a.state) ? a : b;
  return b.processedRows > a.processedRows ? b : a;
}

export function percent(p: ImportProgress | null): number {
  if (!p) return 0;
  if (p.state === 'done') return 100;
  if (!p.totalRows) return 0;
  return Math.min(99, Math.floor((p.processedRows / p.totalRows) * 100));
}
