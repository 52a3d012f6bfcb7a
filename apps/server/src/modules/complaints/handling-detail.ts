import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { TicketRow } from '../tickets/ticket-rows';
import { departments, ticketReplies } from './schema';
import { peopleNames, ticketSupervision } from './supervision-queries';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The handling block of GET /api/tickets/:id: department, replies (Q54), review, 督办. */
export async function handlingDetail(db: DbOrTx, t: TicketRow, now: Date) {
  const [dept, replies, supervision] = await Promise.all([
    t.departmentId
      ? db.select({ name: departments.name }).from(departments).where(eq(departments.id, t.departmentId))
      : [],
    db.select().from(ticketReplies).where(eq(ticketReplies.ticketId, t.id)).orderBy(asc(ticketReplies.id)),
    ticketSupervision(db, t.id, now),
  ]);
  const names = await peopleNames(db, [t.assigneeId, ...replies.map((r) => r.authorId)]);
  return {
    departmentName: dept[0]?.name ?? null,
    assigneeName: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
    handlingResult: t.handlingResult,
    reviewNote: t.reviewNote,
    promisedReplyAt: iso(t.promisedReplyAt),
    firstReplyAt: iso(t.firstReplyAt),
    overdueCause: t.overdueCause,
    supervision,
    replies: replies.map((r) => ({
      id: r.id,
      ticketId: r.ticketId,
      body: r.body,
      authorId: r.authorId,
      authorName: r.authorId ? (names.get(r.authorId) ?? null) : null,
      channel: r.channel,
      deliveryId: r.deliveryId,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export type HandlingDetail = Awaited<ReturnType<typeof handlingDetail>>;
