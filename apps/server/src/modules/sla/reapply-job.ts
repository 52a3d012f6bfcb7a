/** Job name only: settings declare it (settings.ts) without importing the job's code. */
export const SLA_REAPPLY_JOB = 'sla.reapply';
