import type { Services } from '../../platform/http/app-types';
import { registerBillingRunJob } from './billing-run';
import { registerLateFeeJob } from './late-fee-job';

/** The billing run job and the daily 滞纳金 job. */
export function registerBillingJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  registerBillingRunJob(services);
  registerLateFeeJob(services);
}
