import { registerAssetJobs } from './modules/assets/jobs';
import { registerCollectionJobs } from './modules/billing/collection-job';
import { registerBillingJobs } from './modules/billing/jobs';
import { registerSupervisionJobs } from './modules/complaints/supervision-job';
import { registerWarningJobs } from './modules/complaints/warning-job';
import { registerContractorJobs } from './modules/contractors/expiry-job';
import { registerDeliveryJobs } from './modules/delivery/send-delivery';
import { registerEmergencyJobs } from './modules/emergencies/jobs';
import { registerImportJobs } from './modules/imports/jobs';
import { registerIncidentJobs } from './modules/incidents/jobs';
import { registerMailJobs } from './modules/mail/imap-poll';
import { registerCampaignJobs } from './modules/notices/campaigns';
import { registerPatrolJobs } from './modules/patrol/generate-patrols';
import { registerPortalJobs } from './modules/portal/jobs';
import { registerReportJobs } from './modules/reports/jobs';
import { registerReapplyJob } from './modules/sla/reapply';
import { registerSlaJobs } from './modules/sla/timers';
import { registerWebItemRouting } from './modules/telephony/route-web-items';
import { listenForInvalidation } from './platform/cache/caches';
import type { Services } from './platform/http/app-types';

/** Background work of every module: imports, SLA timers, report rollups, the delivery outbox, incident checks, portal cleanup, campaigns, IMAP mail polling, routing of web/e-mail items. */
export function registerWorkers(services: Services): void {
  // Jobs read cached settings and policies too: a worker-only node must hear about their changes.
  listenForInvalidation(services);
  registerImportJobs(services);
  registerSlaJobs(services);
  registerReapplyJob(services);
  registerSupervisionJobs(services);
  registerCollectionJobs(services);
  registerWarningJobs(services);
  registerReportJobs(services);
  registerDeliveryJobs(services);
  registerIncidentJobs(services);
  registerEmergencyJobs(services);
  registerPortalJobs(services);
  registerCampaignJobs(services);
  registerMailJobs(services);
  registerWebItemRouting(services);
  registerAssetJobs(services);
  registerPatrolJobs(services);
  registerContractorJobs(services);
  registerBillingJobs(services);
  // Session and login-attempt rows expire; sweep them nightly at 03:10 Asia/Shanghai.
  services.queue.register('platform.cleanup', async ({ now }) => {
    await services.database.query('delete from sessions where expires_at < $1', [now]);
    await services.database.query("delete from jobs where state = 'done' and finished_at < $1", [
      new Date(now.getTime() - 7 * 86_400_000),
    ]);
    return { ok: true };
  });
  services.queue.schedule('platform.cleanup', '10 3 * * *');
}
