import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { badRequest } from '../../platform/http/errors';
import { isTicketOpen } from '../tickets/rules/ticket-status';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { ticketNotEditable } from '../tickets/transitions';
import { supervisions } from './schema';
import { SUPERVISION_JOB } from './supervision-job';
import { activeSupervision } from './supervision-store';
import { tell } from './tell';
import type { SuperviseBody } from './ticket-commands.types';

/**
 * 督办: a supervisor puts a deadline on any open ticket. It lands on the responsible person's list
 * (the assignee, else the owner) with a banner; a new 督办 replaces the active one. The deadline job
 * escalates it through the SLA chain when the ticket is still not handled by then.
 */
export async function superviseTicket(ctx: Ctx, auth: AuthContext, id: number, body: SuperviseBody) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, body.version, 'Ticket');
    if (!isTicketOpen(t.status)) throw ticketNotEditable(t.status);
    const deadline = new Date(body.deadline);
    if (deadline.getTime() <= w.now.getTime())
      throw badRequest('The 督办 deadline must be in the future', { field: 'deadline' });
    const previous = await activeSupervision(w);
    if (previous)
      await w.tx
        .update(supervisions)
        .set({ state: 'replaced', closedAt: w.now, updatedAt: w.now, version: previous.version + 1 })
        .where(eq(supervisions.id, previous.id));
    const assigneeId = t.assigneeId ?? t.ownerId;
    const [row] = await w.tx
      .insert(supervisions)
      .values({
        companyId: t.companyId,
        projectId: t.projectId,
        ticketId: t.id,
        assigneeId,
        departmentId: t.departmentId,
        deadline,
        note: body.note,
        createdById: auth.userId,
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await patchTicket(w, { supervisionDueAt: deadline });
    await ctx.queue.enqueue(
      SUPERVISION_JOB,
      { supervisionId: row.id },
      { tx: w.tx, runAt: deadline, dedupeKey: `supervision:${row.id}:1`, maxAttempts: 5 },
    );
    await w.event({
      action: 'ticket.supervised',
      entityType: 'ticket',
      entityId: t.id,
      after: {
        supervisionId: row.id,
        deadline: deadline.toISOString(),
        note: body.note,
        assigneeId,
        ...(previous ? { replaced: previous.id } : {}),
      },
    });
    await tell(w, [assigneeId], {
      companyId: t.companyId,
      projectId: t.projectId,
      ticketId: t.id,
      kind: 'supervision.created',
      level: 1,
      title: `【督办】${t.number}`,
      body: body.note,
      dedupeKey: `supervision:${row.id}`,
    });
  });
}
