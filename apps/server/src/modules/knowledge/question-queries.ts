import { maskPhone } from '@guanjia/shared';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { tickets } from '../tickets/schema';
import type { QuestionListQuery } from './inputs';
import { kbQuestions } from './schema';

type Row = typeof kbQuestions.$inferSelect;

/** The caller's number only for roles that may see phones. */
export const presentQuestion = (
  auth: AuthContext,
  q: Row,
  extra: {
    ticketNumber?: string | null;
    askedByName?: string | null;
    answeredByName?: string | null;
    memberTickets?: { id: number; number: string }[];
  } = {},
) => ({
  id: q.id,
  projectId: q.projectId,
  ticketId: q.ticketId,
  ticketNumber: extra.ticketNumber ?? null,
  callerPhone: q.callerPhone && !auth.permissions.has('pii.view') ? maskPhone(q.callerPhone) : q.callerPhone,
  question: q.question,
  status: q.status,
  askedById: q.askedById,
  askedByName: extra.askedByName ?? null,
  source: q.source,
  // Commands answer without the numbers (the console refetches the list); reads pass them in.
  memberTickets: extra.memberTickets ?? [],
  answer: q.answer,
  answeredById: q.answeredById,
  answeredByName: extra.answeredByName ?? null,
  answeredAt: q.answeredAt?.toISOString() ?? null,
  articleId: q.articleId,
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
  version: q.version,
});

/**
 * Experts see every question of their projects; anyone else only the ones they asked, so an agent
 * finds the answers to their own questions without reading the whole queue.
 */
function visibleQuestions(auth: AuthContext, projectId?: number): SQL | undefined {
  if (projectId) assertInScope(auth, projectId, 'Project');
  return and(
    eq(kbQuestions.companyId, auth.companyId),
    inArray(kbQuestions.projectId, projectId ? [projectId] : scopeIds(auth)),
    auth.permissions.has('kb.expert') ? undefined : eq(kbQuestions.askedById, auth.userId),
  );
}

export async function listQuestions(db: DbOrTx, auth: AuthContext, q: QuestionListQuery) {
  const where = and(
    visibleQuestions(auth, q.projectId),
    q.status ? eq(kbQuestions.status, q.status) : undefined,
    q.ticketId ? eq(kbQuestions.ticketId, q.ticketId) : undefined,
    q.mine ? eq(kbQuestions.askedById, auth.userId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ q: kbQuestions, ticketNumber: tickets.number })
      .from(kbQuestions)
      .leftJoin(tickets, eq(tickets.id, kbQuestions.ticketId))
      .where(where)
      // The queue works oldest first; answered ones read newest first.
      .orderBy(q.status === 'open' ? asc(kbQuestions.id) : desc(kbQuestions.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(kbQuestions).where(where),
  ]);
  const names = await namesOf(
    db,
    auth,
    rows.flatMap((r) => [r.q.askedById, r.q.answeredById]),
  );
  const members = await ticketNumbersOf(
    db,
    auth,
    rows.flatMap((r) => r.q.memberTicketIds),
  );
  return {
    items: rows.map((r) =>
      presentQuestion(auth, r.q, {
        ticketNumber: r.ticketNumber,
        askedByName: r.q.askedById ? names.get(r.q.askedById) : null,
        memberTickets: r.q.memberTicketIds.flatMap((id) => {
          const number = members.get(id);
          return number ? [{ id, number }] : [];
        }),
        answeredByName: r.q.answeredById ? names.get(r.q.answeredById) : null,
      }),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A question the caller may see, or 404 (also for another project's). */
export async function questionRow(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  forUpdate = false,
): Promise<Row> {
  const query = db
    .select()
    .from(kbQuestions)
    .where(and(eq(kbQuestions.id, id), visibleQuestions(auth)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Question');
  return row;
}

async function namesOf(db: DbOrTx, auth: AuthContext, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.companyId, auth.companyId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 工单号 of an automatic candidate's consultations, for the links on the expert's list. */
export async function ticketNumbersOf(db: DbOrTx, auth: AuthContext, ids: number[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(and(eq(tickets.companyId, auth.companyId), inArray(tickets.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.number]));
}
