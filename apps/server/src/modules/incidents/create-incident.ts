import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { gateSend } from '../broadcasts/approval-gate';
import type { IncidentInput } from './inputs';
import { INCIDENT_NOTIFY_CHECK_JOB } from './jobs';
import { incidentAudience, queueIncidentNotice } from './notify';
import { schedulePlanned } from './planned-outage';
import { plannedProblems } from './rules/planned';
import { incidents } from './schema';
import { INCIDENT_NOTIFY_MINUTES } from './settings';
import { assertScopeIds } from './validate';
import { assertKnownVariables } from './validate-text';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/** Set when a held send is approved: who asked for it and who agreed. */
export interface ApprovedBy {
  requestedById: number;
  approvedById: number;
}

/** Input checks that need no database: planned times, known variables. */
export function assertIncidentInput(input: IncidentInput, now: Date): void {
  assertKnownVariables(input.residentText, 'residentText');
  if (input.planned && input.emergency)
    throw badRequest('A planned outage is not an emergency', { planned: 'not with emergency' });
  if (input.planned) {
    const problems = plannedProblems({ now, startsAt: input.startsAt, expectedEndAt: input.expectedEndAt });
    if (Object.keys(problems).length) throw badRequest('The planned outage times do not work', problems);
  } else if (input.expectedEndAt && input.startsAt && input.expectedEndAt <= input.startsAt)
    throw badRequest('The end must be after the start', { expectedEndAt: 'the end must be after the start' });
}

/**
 * Log an incident and, in the same transaction, queue the notice to every resident in scope — so
 * "incident exists" and "residents are being told" can never disagree. Emergencies carry the Q60
 * target and a check job that flags the incident if nothing went out in time. A planned outage is
 * announced ahead and reminded (planned-outage.ts). Above the approval threshold a non-emergency
 * stops here (ApprovalNeeded) until a second person agrees.
 */
export async function createIncident(ctx: Ctx, auth: AuthContext, input: IncidentInput) {
  return ctx.database.db.transaction((tx) => createIncidentInTx(tx, ctx, auth, input));
}

/** The same inside the caller's transaction (approving a held request writes both together). */
export async function createIncidentInTx(
  tx: DbOrTx,
  ctx: Ctx,
  auth: AuthContext,
  input: IncidentInput,
  approved?: ApprovedBy,
) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  assertIncidentInput(input, now);
  await assertScopeIds(tx, auth.companyId, input.projectId, input);
  const initiatorId = approved?.requestedById ?? auth.userId;
  const audience = await incidentAudience(tx, { ...input, projectId: input.projectId });
  await gateSend(
    tx,
    {
      companyId: auth.companyId,
      projectId: input.projectId,
      kind: 'incident',
      title: input.title,
      payload: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
      recipients: audience.length,
    },
    { emergency: input.emergency, initiatorId, approverId: approved?.approvedById ?? null },
  );
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
      planned: input.planned,
      title: input.title,
      reason: input.reason ?? null,
      buildingIds: input.buildingIds,
      unitIds: input.unitIds,
      categoryIds: input.categoryIds,
      startsAt: input.startsAt ?? now,
      expectedEndAt: input.expectedEndAt ?? null,
      residentText: input.residentText,
      agentScript: input.agentScript,
      notifyTargetMinutes: target,
      createdById: initiatorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('incident insert returned nothing');
  const announced = row.planned ? await schedulePlanned(tx, ctx, row) : null;
  const recipients = row.planned ? audience.length : await queueIncidentNotice(tx, ctx, row);
  const [saved] = await tx
    .update(incidents)
    .set({ recipientCount: recipients, announcedAt: announced?.announceAt ?? (recipients ? now : null) })
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
    after: {
      kind: row.kind,
      emergency: row.emergency,
      planned: row.planned,
      title: row.title,
      recipients,
      ...(approved ? { requestedById: approved.requestedById, approvedById: approved.approvedById } : {}),
      ...(announced
        ? {
            announceAt: announced.announceAt.toISOString(),
            reminders: announced.reminders.map((r) => r.at.toISOString()),
          }
        : {}),
    },
  });
  return saved ?? row;
}
