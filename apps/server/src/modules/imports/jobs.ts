import type { Services } from '../../platform/http/app-types';
import { IMPORT_JOB, type ImportJobPayload, runImport } from './run-import';

/** Excel import runs as a job: progress over the bus, resumable per batch. */
export function registerImportJobs(services: Services): void {
  services.queue.register<ImportJobPayload>(IMPORT_JOB, (ctx) =>
    runImport(services, ctx.payload.importId, ctx.attempt),
  );
}
