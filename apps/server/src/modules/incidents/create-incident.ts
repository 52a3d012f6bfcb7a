import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import type { IncidentInput } from './inputs';
import { INCIDENT_NOTIFY_CHECK_JOB } from './jobs';
import { queueIncidentNotice } from './notify';
import { incidents } from './schema';
import { INCIDENT_NOTIFY_MINUTES } from './settings';
import { assertScopeIds } from './validate';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * Log an incident and, in the same transaction, queue the notice to every resident in scope — so
 * "incident exists" and "residents are being told" can never disagree. Emergencies carry the Q60
 * target and a check job that flags the incident if nothing went out in time.
 */
export async function createIncident(ctx: Ctx, auth: AuthContext, input: IncidentInput) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await assertScopeIds(tx, auth.companyId, input.projectId, input);
    const target = input.emergency
      ? await getSetting(tx, INCIDENT_NOTIFY_MINUTES, {
          companyId: auth.companyId,
          projectId: input.projectId,
        })
      : null;
    const [row] = await tx
      .insert(incidents)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        kind: input.kind,
        emergency: input.emergency,
        title: input.title,
        buildingIds: input.buildingIds,
        unitIds: input.unitIds,
        categoryIds: input.categoryIds,
        startsAt: input.startsAt ?? now,
        expectedEndAt: input.expectedEndAt ?? null,
        residentText: input.residentText,
        agentScript: input.agentScript,
        notifyTargetMinutes: target,
        createdById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('incident insert returned nothing');
    const recipients = await queueIncidentNotice(tx, ctx, row);
    const [saved] = await tx
      .update(incidents)
      .set({ recipientCount: recipients })
      .where(eq(incidents.id, row.id))
      .returning();
    if (target !== null && recipients > 0)
      await ctx.queue.enqueue(
        INCIDENT_NOTIFY_CHECK_JOB,
        { incidentId: row.id },
        { tx, runAt: new Date(now.getTime() + target * 60_000), dedupeKey: `incident-notify:${row.id}` },
      );
    await recordEvent(tx, userActor(auth), now, {
      action: 'incident.created',
      entityType: 'incident',
      entityId: row.id,
      projectId: row.projectId,
      after: { kind: row.kind, emergency: row.emergency, title: row.title, recipients },
    });
    return saved ?? row;
  });
}
