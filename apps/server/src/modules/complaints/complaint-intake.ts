import type { ComplaintCause, ComplaintGrade } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { getSetting } from '../../platform/settings/get-setting';
import { tickets } from '../tickets/schema';
import type { TicketRow } from '../tickets/ticket-rows';
import type { TicketWrite } from '../tickets/ticket-write';
import { checkHandlingRefs } from './handling-refs';
import { MAJOR_ROLES, PROMISED_REPLY_HOURS } from './settings';
import { responsiblePeople, roleHolders, tell } from './tell';
import { queueWarningCheck } from './warning-job';

export interface HandlingIntake {
  grade?: ComplaintGrade | null;
  cause?: ComplaintCause | null;
  departmentId?: number | null;
  assigneeId?: number | null;
}

const GRADE_LABEL: Record<ComplaintGrade, string> = { normal: '一般', important: '重要', major: '重大' };

/**
 * The 投诉闭环 part of an intake, in its transaction: department and person, and for a complaint its
 * grade (一般 by default), cause and the reply time promised to the resident (Q53). A 重大 complaint
 * reaches the project manager at once; the 投诉预警 check is queued. Written without a version bump:
 * the ticket is being created.
 */
export async function applyHandlingIntake(w: TicketWrite, t: TicketRow, input: HandlingIntake) {
  const complaint = t.type === '投诉';
  const assigned = input.departmentId || input.assigneeId;
  if (!complaint && !assigned) return;
  await checkHandlingRefs(w.tx, t.companyId, t.projectId, input);
  const scope = { companyId: t.companyId, projectId: t.projectId };
  const patch: Partial<typeof tickets.$inferInsert> = {
    departmentId: input.departmentId ?? null,
    assigneeId: input.assigneeId ?? null,
  };
  if (complaint) {
    const hours = await getSetting(w.tx, PROMISED_REPLY_HOURS, scope);
    patch.grade = input.grade ?? 'normal';
    patch.cause = input.cause ?? null;
    patch.promisedReplyAt = new Date(t.createdAt.getTime() + hours * 3_600_000);
  }
  const [row] = await w.tx.update(tickets).set(patch).where(eq(tickets.id, t.id)).returning();
  if (row) Object.assign(t, row);
  if (assigned) await tellAssigned(w, t);
  if (complaint && t.grade === 'major') await tellMajor(w, t);
  if (complaint) await queueWarningCheck(w.ctx, w.tx, t.projectId, w.now);
}

export async function tellAssigned(w: TicketWrite, t: TicketRow) {
  await tell(w, await responsiblePeople(w.tx, t), {
    companyId: t.companyId,
    projectId: t.projectId,
    ticketId: t.id,
    kind: 'complaint.assigned',
    title: `${t.type}待处理 ${t.number}`,
    body: t.title,
    dedupeKey: `assigned:${t.id}:${t.version}:${t.assigneeId ?? 0}:${t.departmentId ?? 0}`,
  });
}

/** W-09: a 重大 complaint is reported to the project manager (MAJOR_ROLES) at once. */
export async function tellMajor(w: TicketWrite, t: TicketRow) {
  const roles = await getSetting(w.tx, MAJOR_ROLES, { companyId: t.companyId, projectId: t.projectId });
  const people = await roleHolders(w.tx, t.companyId, t.projectId, roles);
  await tell(w, people, {
    companyId: t.companyId,
    projectId: t.projectId,
    ticketId: t.id,
    kind: 'complaint.major',
    level: 3,
    title: `【${GRADE_LABEL.major}投诉】${t.number}`,
    body: `${t.title}：${t.description}`.slice(0, 300),
    dedupeKey: `complaint-major:${t.id}`,
  });
  await w.event({
    action: 'complaint.major_notified',
    entityType: 'ticket',
    entityId: t.id,
    after: { notified: people.length, roles },
  });
}
