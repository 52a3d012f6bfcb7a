import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { unknownVariables } from '../delivery/rules/template';
import { incidents } from '../incidents/schema';
import { assertScopeIds } from '../incidents/validate';
import { residents } from '../residents/schema';
import { noticeProblems } from './rules/notice-checks';
import type { NoticeAudience, NoticeRow } from './schema';
import { DRILL_NOTICE_DAYS, MAX_NOTICE_DAYS } from './settings';

/** Audience ids, incident and template variables must all make sense for the notice's project. */
export async function assertNoticeRefs(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  input: { audience?: NoticeAudience; incidentId?: number | null; body?: string },
): Promise<void> {
  const a = input.audience;
  if (a) await assertScopeIds(db, companyId, projectId, { buildingIds: a.buildingIds, unitIds: a.unitIds });
  if (a?.residentIds?.length) {
    const found = await db
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.projectId, projectId), inArray(residents.id, a.residentIds)));
    const have = new Set(found.map((r) => r.id));
    const strays = a.residentIds.filter((id) => !have.has(id));
    if (strays.length) throw badRequest('Residents not of this project', { residentIds: strays });
  }
  if (input.incidentId) {
    const [i] = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.id, input.incidentId), eq(incidents.projectId, projectId)));
    if (!i) throw badRequest('Incident not of this project', { incidentId: input.incidentId });
  }
  if (input.body) {
    const unknown = unknownVariables(input.body);
    if (unknown.length) throw badRequest('Unknown template variables', { variables: unknown });
  }
}

/** Q65/Q70/Q71 checks against the project's settings; 400 with field → reason. */
export async function assertSendable(db: DbOrTx, n: NoticeRow, now: Date): Promise<void> {
  const scope = { companyId: n.companyId, projectId: n.projectId };
  const [drillNoticeDays, maxValidityDays] = await Promise.all([
    getSetting(db, DRILL_NOTICE_DAYS, scope),
    getSetting(db, MAX_NOTICE_DAYS, scope),
  ]);
  const sendAt = n.publishAt && n.publishAt.getTime() > now.getTime() ? n.publishAt : now;
  const problems = noticeProblems({ ...n, sendAt }, { drillNoticeDays, maxValidityDays });
  if (Object.keys(problems).length) throw badRequest('The notice cannot go out like this', problems);
}
