import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import type { PlanTimings } from './rules/default-plans';
import {
  BUTLER_RELAY_MINUTES,
  HOUSEHOLDS_NOTIFIED_MINUTES,
  PROJECT_HEAD_ON_SITE_MINUTES,
  PROJECT_HEAD_REPORT_MINUTES,
  REPORT_HOURS,
  TEAM_LEADER_MINUTES,
} from './settings';

/** The project's Q61–Q64 timings, read from its settings. */
export async function planTimings(db: DbOrTx, companyId: number, projectId: number): Promise<PlanTimings> {
  const scope = { companyId, projectId };
  // One after the other: inside a transaction the queries share one connection.
  const teamLeader = await getSetting(db, TEAM_LEADER_MINUTES, scope);
  const headReport = await getSetting(db, PROJECT_HEAD_REPORT_MINUTES, scope);
  const headOnSite = await getSetting(db, PROJECT_HEAD_ON_SITE_MINUTES, scope);
  const butlerRelay = await getSetting(db, BUTLER_RELAY_MINUTES, scope);
  const households = await getSetting(db, HOUSEHOLDS_NOTIFIED_MINUTES, scope);
  const reportHours = await getSetting(db, REPORT_HOURS, scope);
  return { teamLeader, headReport, headOnSite, butlerRelay, households, reportHours };
}
