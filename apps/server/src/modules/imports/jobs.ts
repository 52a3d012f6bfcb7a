import type { Services } from '../../platform/http/app-types';

// Placeholder replaced by the Excel import job.
export function registerImportJobs(_services: Services): void {}
