import type { App } from '../platform/http/app-types';
import { callbackRoutes } from './callbacks/routes';
import { deliveryRoutes } from './delivery/routes';
import { dispatchRoutes } from './dispatch/routes';
import { importRoutes } from './imports/routes';
import { incidentRoutes } from './incidents/routes';
import { ivrRoutes } from './ivr/routes';
import { knowledgeRoutes } from './knowledge/routes';
import { mailRoutes } from './mail/routes';
import { noticeRoutes } from './notices/routes';
import { orgRoutes } from './org/routes';
import { portalRoutes } from './portal/routes';
import { qualityRoutes } from './quality/routes';
import { reportRoutes } from './reports/routes';
import { residentRoutes } from './residents/routes';
import { scriptRoutes } from './scripts/routes';
import { slaRoutes } from './sla/routes';
import { staffRoutes } from './staff/routes';
import { agentRoutes } from './telephony/agent-routes';
import { telephonyRoutes } from './telephony/routes';
import { ticketRoutes } from './tickets/routes';
import { workOrderRoutes } from './workorders/routes';

/** Every business module's routes and jobs; platform code never imports these. */
export async function registerModules(app: App): Promise<void> {
  await app.register(orgRoutes);
  await app.register(residentRoutes);
  await app.register(staffRoutes);
  await app.register(ticketRoutes);
  await app.register(workOrderRoutes);
  await app.register(dispatchRoutes);
  await app.register(callbackRoutes);
  await app.register(slaRoutes);
  await app.register(reportRoutes);
  await app.register(importRoutes);
  await app.register(incidentRoutes);
  await app.register(noticeRoutes);
  await app.register(deliveryRoutes);
  await app.register(portalRoutes);
  await app.register(telephonyRoutes);
  await app.register(ivrRoutes);
  await app.register(agentRoutes);
  await app.register(knowledgeRoutes);
  await app.register(scriptRoutes);
  await app.register(qualityRoutes);
  await app.register(mailRoutes);
}
