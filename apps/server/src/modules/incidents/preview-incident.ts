import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { previewOf } from '../broadcasts/preview';
import { assertIncidentInput } from './create-incident';
import type { IncidentInput } from './inputs';
import { incidentMessage } from './notify';
import { plannedSchedule } from './rules/planned';
import { PLANNED_ANNOUNCE_HOURS, PLANNED_REMINDER_HOURS } from './settings';
import { assertScopeIds } from './validate';

/** POST /api/incidents/preview: the confirmation before registering an outage. Nothing is written. */
export async function previewIncident(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  input: IncidentInput,
) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  assertIncidentInput(input, now);
  const { db } = ctx.database;
  await assertScopeIds(db, auth.companyId, input.projectId, input);
  const draft = {
    ...input,
    id: 0,
    companyId: auth.companyId,
    reason: input.reason ?? null,
    startsAt: input.startsAt ?? now,
    expectedEndAt: input.expectedEndAt ?? null,
  };
  const m = await incidentMessage(db, ctx, draft);
  const preview = await previewOf(db, m, {
    emergency: input.emergency,
    initiatorId: auth.userId,
    approverId: null,
  });
  let schedule = null;
  if (input.planned) {
    const scope = { companyId: auth.companyId, projectId: input.projectId };
    const [announce, reminders] = await Promise.all([
      getSetting(db, PLANNED_ANNOUNCE_HOURS, scope),
      getSetting(db, PLANNED_REMINDER_HOURS, scope),
    ]);
    const s = plannedSchedule(now, draft.startsAt, announce, reminders);
    schedule = {
      announceAt: s.announceAt.toISOString(),
      reminders: s.reminders.map((r) => ({ leadHours: r.leadHours, at: r.at.toISOString() })),
    };
  }
  return { ...preview, schedule };
}
