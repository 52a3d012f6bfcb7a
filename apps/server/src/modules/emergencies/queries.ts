import { emergencyGroupOf, type emergencyListQuery } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { events } from '../../platform/events/schema';
import { scopeIds } from '../org/queries';
import { userNames } from './roster';
import { stepCompliance } from './rules/compliance';
import { lateMinutes, stepState } from './rules/deadlines';
import { isActive } from './rules/status';
import {
  type EmergencyRow,
  type EmergencyStepRow,
  emergencies,
  emergencyRectifications,
  emergencySteps,
  emergencyTickets,
  stormTasks,
} from './schema';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summary(e: EmergencyRow, steps: readonly EmergencyStepRow[], names: Map<number, string>) {
  const next = isActive(e.status)
    ? steps.filter((s) => !s.doneAt).sort((a, b) => +a.dueAt - +b.dueAt)[0]
    : undefined;
  return {
    id: e.id,
    number: e.number,
    projectId: e.projectId,
    type: e.type,
    group: emergencyGroupOf(e.type),
    level: e.level,
    status: e.status,
    drill: e.drill,
    place: e.place,
    buildingId: e.buildingId,
    description: e.description,
    startedAt: e.startedAt.toISOString(),
    controlledAt: iso(e.controlledAt),
    endedAt: iso(e.endedAt),
    closedAt: iso(e.closedAt),
    reportedByName: e.reportedById ? (names.get(e.reportedById) ?? null) : null,
    nextDueAt: iso(next?.dueAt ?? null),
    nextStepTitle: next?.title ?? null,
    version: e.version,
  };
}

export async function listEmergencies(
  db: DbOrTx,
  auth: AuthContext,
  q: z.infer<typeof emergencyListQuery>,
  cap?: number,
) {
  const scope = q.projectId ? [q.projectId].filter((p) => auth.projectIds.includes(p)) : scopeIds(auth);
  const where: SQL[] = [inArray(emergencies.projectId, scope.length ? scope : [-1])];
  if (q.status) where.push(eq(emergencies.status, q.status));
  if (q.type) where.push(eq(emergencies.type, q.type));
  if (q.level) where.push(eq(emergencies.level, q.level));
  if (q.drill) where.push(eq(emergencies.drill, q.drill === 'true'));
  if (q.active === 'true') where.push(inArray(emergencies.status, ['已上报', '已确认', '已到场', '已控制']));
  if (q.active === 'false') where.push(inArray(emergencies.status, ['已结束', '已复盘']));
  const limit = cap ?? q.pageSize;
  const offset = cap ? 0 : (q.page - 1) * q.pageSize;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(emergencies)
      .where(and(...where))
      .orderBy(desc(emergencies.startedAt), desc(emergencies.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(emergencies)
      .where(and(...where)),
  ]);
  const steps = rows.length
    ? await db
        .select()
        .from(emergencySteps)
        .where(
          and(
            inArray(
              emergencySteps.emergencyId,
              rows.map((r) => r.id),
            ),
            isNull(emergencySteps.doneAt),
          ),
        )
    : [];
  const names = await userNames(
    db,
    rows.flatMap((r) => (r.reportedById ? [r.reportedById] : [])),
  );
  return {
    items: rows.map((r) =>
      summary(
        r,
        steps.filter((s) => s.emergencyId === r.id),
        names,
      ),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function timelineDetail(action: string, before: unknown, after: unknown): string {
  const a = (after ?? {}) as Record<string, unknown>;
  const b = (before ?? {}) as Record<string, unknown>;
  if (action === 'emergency.reported') return `${a.type}（${a.level}）${a.place} · ${a.plan}`;
  if (action === 'emergency.step_done') return `${a.step}${a.late ? '（超时）' : ''}`;
  if (action === 'emergency.step_escalated')
    return `${a.step} · L${a.level} · ${a.inApp ?? 0}/${a.sms ?? 0}/${a.calls ?? 0}`;
  if (action === 'emergency.status_changed' || action === 'emergency.closed')
    return `${b.status} → ${a.status}`;
  if (action === 'emergency.ticket_linked') return `#${a.ticketId}`;
  if (action.startsWith('emergency.rectification')) return String(a.title ?? '');
  return '';
}

/** The incident page: steps with their state, the report, the review and compliance, timeline. */
export async function emergencyDetail(db: DbOrTx, e: EmergencyRow, now: Date) {
  const [steps, items, tickets, tasks, log] = await Promise.all([
    db
      .select()
      .from(emergencySteps)
      .where(eq(emergencySteps.emergencyId, e.id))
      .orderBy(asc(emergencySteps.seq)),
    db
      .select()
      .from(emergencyRectifications)
      .where(eq(emergencyRectifications.emergencyId, e.id))
      .orderBy(asc(emergencyRectifications.id)),
    db
      .select({ id: emergencyTickets.ticketId })
      .from(emergencyTickets)
      .where(eq(emergencyTickets.emergencyId, e.id)),
    db
      .select()
      .from(stormTasks)
      .where(eq(stormTasks.emergencyId, e.id))
      .orderBy(desc(stormTasks.dueAt), asc(stormTasks.id))
      .limit(30),
    db
      .select()
      .from(events)
      .where(and(eq(events.entityType, 'emergency'), eq(events.entityId, String(e.id))))
      .orderBy(asc(events.occurredAt), asc(events.id))
      .limit(500),
  ]);
  const names = await userNames(db, [
    ...(e.reportedById ? [e.reportedById] : []),
    ...(e.review ? [e.review.reviewedById] : []),
    ...steps.flatMap((s) => (s.doneById ? [s.doneById] : [])),
    ...items.map((i) => i.ownerId),
    ...tasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])),
    ...log.flatMap((l) => (l.actorId ? [l.actorId] : [])),
  ]);
  const today = now.toISOString().slice(0, 10);
  const reviewAsOf = e.review ? new Date(e.review.reviewedAt) : (e.closedAt ?? now);
  return {
    ...summary(e, steps, names),
    planName: e.planName,
    planVersion: e.planVersion,
    steps: steps.map((s) => ({
      id: s.id,
      seq: s.seq,
      key: s.key,
      title: s.title,
      role: s.role,
      proof: s.proof,
      escalateTo: s.escalateTo,
      dueAt: s.dueAt.toISOString(),
      doneAt: iso(s.doneAt),
      doneByName: s.doneById ? (names.get(s.doneById) ?? null) : null,
      status: stepState(s),
      lateMinutes: lateMinutes(s),
      escalationLevel: s.escalationLevel,
      lastEscalatedAt: iso(s.lastEscalatedAt),
    })),
    photoUploadIds: e.photoUploadIds,
    voiceUploadId: e.voiceUploadId,
    outageIncidentId: e.outageIncidentId,
    drillNoticeId: e.drillNoticeId,
    drillStartsAt: iso(e.drillStartsAt),
    report: e.report,
    review: e.review
      ? {
          cause: e.review.cause,
          course: e.review.course,
          evaluation: e.review.evaluation,
          rewardsPenalties: e.review.rewardsPenalties,
          reviewedAt: e.review.reviewedAt,
          reviewedByName: names.get(e.review.reviewedById) ?? '',
        }
      : null,
    compliance: stepCompliance(steps, reviewAsOf),
    rectifications: items.map((i) => ({
      id: i.id,
      title: i.title,
      ownerId: i.ownerId,
      ownerName: names.get(i.ownerId) ?? '',
      dueDate: i.dueDate,
      doneAt: iso(i.doneAt),
      overdue: !i.doneAt && i.dueDate < today,
    })),
    linkedTicketIds: tickets.map((t) => t.id),
    stormTasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueAt: t.dueAt.toISOString(),
      assigneeName: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
      doneAt: iso(t.doneAt),
    })),
    timeline: log.map((l) => ({
      at: l.occurredAt.toISOString(),
      action: l.action,
      actorName: l.actorId ? (names.get(l.actorId) ?? null) : null,
      detail: timelineDetail(l.action, l.before, l.after),
    })),
  };
}
