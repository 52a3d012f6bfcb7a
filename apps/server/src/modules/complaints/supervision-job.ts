import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { patchTicket } from '../tickets/ticket-ops';
import { type TicketWrite, writeTicket } from '../tickets/ticket-write';
import { escalationLevel, nextEscalationAt, rolesForLevel } from './rules/supervision';
import { type SupervisionRow, supervisions } from './schema';
import { SUPERVISE_ESCALATE_HOURS } from './settings';
import { roleHolders, tell } from './tell';

export const SUPERVISION_JOB = 'complaints.supervision';

type JobServices = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/** Still waiting for its handling: a 督办 on it is live. */
export const awaitingHandling = (status: string) => status === '待受理' || status === '处理中';

/** End the ticket's active 督办 once it is handled (approved result, resolved, closed or cancelled). */
export async function finishSupervision(w: TicketWrite, s: SupervisionRow, why: 'done' | 'lifted') {
  await w.tx
    .update(supervisions)
    .set({ state: why, closedAt: w.now, updatedAt: w.now, version: s.version + 1 })
    .where(eq(supervisions.id, s.id));
  if (w.bundle.ticket.supervisionDueAt) await patchTicket(w, { supervisionDueAt: null });
  await w.event({
    action: why === 'done' ? 'supervision.done' : 'supervision.lifted',
    entityType: 'ticket',
    entityId: w.bundle.ticket.id,
    after: { supervisionId: s.id, level: s.level },
  });
}

/**
 * The 督办 deadline job: a ticket handled in time ends its 督办; one still waiting climbs the SLA
 * escalation chain (班长 → 主管 → 项目经理) one level per SUPERVISE_ESCALATE_HOURS, each level told
 * once together with the responsible person, and the next step is queued.
 */
export async function runSupervision(services: JobServices, supervisionId: number): Promise<number> {
  const [s] = await services.database.db
    .select()
    .from(supervisions)
    .where(eq(supervisions.id, supervisionId));
  if (s?.state !== 'active') return 0;
  const actor: Actor = { userId: null, companyId: s.companyId, source: 'job' };
  return writeTicket(
    services,
    null,
    s.ticketId,
    async (w) => {
      const [cur] = await w.tx
        .select()
        .from(supervisions)
        .where(eq(supervisions.id, supervisionId))
        .for('update');
      if (cur?.state !== 'active') return 0;
      const t = w.bundle.ticket;
      if (!awaitingHandling(t.status)) {
        await finishSupervision(w, cur, 'done');
        return 0;
      }
      const step = await getSetting(w.tx, SUPERVISE_ESCALATE_HOURS, {
        companyId: t.companyId,
        projectId: t.projectId,
      });
      const level = escalationLevel(cur.deadline, w.now, step);
      if (level > cur.level) {
        const roles = new Set<string>();
        for (let l = cur.level + 1; l <= level; l++)
          for (const r of rolesForLevel(w.sla.settings.escalation, l)) roles.add(r);
        const people = await roleHolders(w.tx, t.companyId, t.projectId, [...roles]);
        const told = await tell(w, [...people, cur.assigneeId], {
          companyId: t.companyId,
          projectId: t.projectId,
          ticketId: t.id,
          kind: 'supervision.overdue',
          level,
          title: `【督办超期】${t.number}`,
          body: `${t.title}：${cur.note}`.slice(0, 300),
          dedupeKey: `supervision:${cur.id}:level:${level}`,
        });
        await w.tx
          .update(supervisions)
          .set({ level, updatedAt: w.now, version: cur.version + 1 })
          .where(eq(supervisions.id, cur.id));
        await w.event({
          action: 'supervision.escalated',
          entityType: 'ticket',
          entityId: t.id,
          after: { supervisionId: cur.id, level, roles: [...roles], notified: told.length },
        });
      }
      const next = nextEscalationAt(cur.deadline, Math.max(level, cur.level), step);
      if (next)
        await services.queue.enqueue(
          SUPERVISION_JOB,
          { supervisionId: cur.id },
          { tx: w.tx, runAt: next, dedupeKey: `supervision:${cur.id}:${Math.max(level, cur.level) + 1}` },
        );
      return level > cur.level ? 1 : 0;
    },
    actor,
  );
}

export function registerSupervisionJobs(services: JobServices): void {
  services.queue.register<{ supervisionId: number }>(SUPERVISION_JOB, async ({ payload }) => ({
    escalated: await runSupervision(services, payload.supervisionId),
  }));
}
