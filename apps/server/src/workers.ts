import { registerAnalyticsJobs } from './modules/analytics/jobs';
import { registerAssetJobs } from './modules/assets/jobs';
import { registerCollectionJobs } from './modules/billing/collection-job';
import { registerBillingJobs } from './modules/billing/jobs';
import { registerSupervisionJobs } from './modules/complaints/supervision-job';
import { registerWarningJobs } from './modules/complaints/warning-job';
import { registerContractorJobs } from './modules/contractors/expiry-job';
import { registerDecorationJobs } from './modules/decoration/jobs';
import { registerDeliveryJobs } from './modules/delivery/send-delivery';
import { registerEmergencyJobs } from './modules/emergencies/jobs';
import { registerFacilityJobs } from './modules/facilities/jobs';
import { registerDeskJobs } from './modules/frontdesk/jobs';
import { registerImportJobs } from './modules/imports/jobs';
import { registerIncidentJobs } from './modules/incidents/jobs';
import { registerMailJobs } from './modules/mail/imap-poll';
import { registerMoveInJobs } from './modules/move-ins/jobs';
import { registerCampaignJobs } from './modules/notices/campaigns';
import { registerPatrolJobs } from './modules/patrol/generate-patrols';
import { registerPortalJobs } from './modules/portal/jobs';
import { registerQualityInspectionJobs } from './modules/quality-inspections/jobs';
import { registerRectificationJobs } from './modules/rectifications/jobs';
import { registerReportJobs } from './modules/reports/jobs';
import { registerReapplyJob } from './modules/sla/reapply';
import { registerSlaJobs } from './modules/sla/timers';
import { registerSurveyJobs } from './modules/surveys/jobs';
import { registerWebItemRouting } from './modules/telephony/route-web-items';
import { registerTriageJobs } from './modules/triage/jobs';
import { registerVisitJobs } from './modules/visits/jobs';
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
  registerSurveyJobs(services);
  registerVisitJobs(services);
  registerPortalJobs(services);
  registerCampaignJobs(services);
  registerMailJobs(services);
  registerWebItemRouting(services);
  registerAssetJobs(services);
  registerPatrolJobs(services);
  registerContractorJobs(services);
  registerBillingJobs(services);
  registerDeskJobs(services);
  registerQualityInspectionJobs(services);
  registerRectificationJobs(services);
  registerFacilityJobs(services);
  registerDecorationJobs(services);
  registerMoveInJobs(services);
  registerAnalyticsJobs(services);
  registerTriageJobs(services);
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
