import { maskPhone } from '@guanjia/shared';
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { calls } from '../telephony/schema';
import { tickets } from '../tickets/schema';
import type { FlagListQuery, ReviewListQuery } from './inputs';
import { qaFlags, qaReviews } from './schema';

type Row = typeof qaReviews.$inferSelect;

/** Agents see their own findings only; QA reviewers see everyone's in their projects. */
export function reviewVisibility(auth: AuthContext, projectId?: number): SQL | undefined {
  const scope = projectId ? scopeIds(auth).filter((p) => p === projectId) : scopeIds(auth);
  return and(
    inArray(qaReviews.projectId, scope.length ? scope : [-1]),
    can(auth, 'qa.review') ? undefined : eq(qaReviews.agentId, auth.userId),
  );
}

/** The review as written; a command's update always returns its row (an absent one is a 404). */
export const presentReview = (r: Row | undefined) => {
  if (!r) throw notFound('Review');
  return {
    id: r.id,
    projectId: r.projectId,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    agentId: r.agentId,
    subjectAt: r.subjectAt.toISOString(),
    status: r.status,
    deductions: r.deductions,
    total: r.total,
    comment: r.comment,
    appealReason: r.appealReason,
    scoredAt: r.scoredAt?.toISOString() ?? null,
    version: r.version,
  };
};

const flaggedSql = sql<boolean>`exists (select 1 from ${qaFlags} f where f.subject_type = ${qaReviews.subjectType} and f.subject_id = ${qaReviews.subjectId})`;

/**
 * The review list, flagged items (a forbidden phrase was written) first, each with what the reviewer
 * needs to open it: the ticket's number and title, the call's recording and caller (masked per role).
 */
export async function listReviews(db: DbOrTx, auth: AuthContext, q: ReviewListQuery) {
  const where = and(
    reviewVisibility(auth, q.projectId),
    q.status ? eq(qaReviews.status, q.status) : undefined,
    q.agentId ? eq(qaReviews.agentId, q.agentId) : undefined,
    q.from ? gte(qaReviews.subjectAt, new Date(q.from)) : undefined,
    q.to ? lt(qaReviews.subjectAt, new Date(q.to)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ review: qaReviews, agentName: users.displayName, flagged: flaggedSql })
      .from(qaReviews)
      .leftJoin(users, eq(users.id, qaReviews.agentId))
      .where(where)
      .orderBy(desc(flaggedSql), desc(qaReviews.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(qaReviews).where(where),
  ]);
  const ids = (type: 'call' | 'ticket') =>
    rows.filter((r) => r.review.subjectType === type).map((r) => r.review.subjectId);
  const [ticketRows, callRows, flagRows] = await Promise.all([
    ids('ticket').length
      ? db
          .select({ id: tickets.id, number: tickets.number, title: tickets.title })
          .from(tickets)
          .where(inArray(tickets.id, ids('ticket')))
      : [],
    ids('call').length
      ? db
          .select({
            id: calls.id,
            from: calls.fromNumber,
            direction: calls.direction,
            recordingUrl: calls.recordingUrl,
            talkSeconds: calls.talkSeconds,
            transcript: calls.transcript,
          })
          .from(calls)
          .where(inArray(calls.id, ids('call')))
      : [],
    rows.length
      ? db
          .select({ type: qaFlags.subjectType, id: qaFlags.subjectId, phrases: qaFlags.phrases })
          .from(qaFlags)
          .where(
            inArray(
              qaFlags.subjectId,
              rows.map((r) => r.review.subjectId),
            ),
          )
      : [],
  ]);
  const pii = can(auth, 'pii.view');
  const subjectOf = (r: Row) => {
    if (r.subjectType === 'ticket') {
      const t = ticketRows.find((x) => x.id === r.subjectId);
      return t ? { label: t.number, title: t.title } : null;
    }
    const c = callRows.find((x) => x.id === r.subjectId);
    if (!c) return null;
    const party = pii || c.direction !== 'in' ? c.from : maskPhone(c.from);
    return {
      label: party,
      title: null,
      recordingUrl: c.recordingUrl,
      talkSeconds: c.talkSeconds,
      transcript: c.transcript,
    };
  };
  return {
    items: rows.map(({ review, agentName }) => ({
      ...presentReview(review),
      agentName,
      subject: subjectOf(review),
      forbidden: [
        ...new Set(
          flagRows
            .filter((f) => f.type === review.subjectType && f.id === review.subjectId)
            .flatMap((f) => f.phrases),
        ),
      ],
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Forbidden-phrase flags: reviewers see their projects', agents the ones on what they wrote. */
export async function listFlags(db: DbOrTx, auth: AuthContext, q: FlagListQuery) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = and(
    inArray(qaFlags.projectId, scope.length ? scope : [-1]),
    can(auth, 'qa.review') ? undefined : eq(qaFlags.authorId, auth.userId),
    q.agentId ? eq(qaFlags.authorId, q.agentId) : undefined,
    q.subjectType ? eq(qaFlags.subjectType, q.subjectType) : undefined,
    q.subjectId ? eq(qaFlags.subjectId, q.subjectId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ flag: qaFlags, authorName: users.displayName })
      .from(qaFlags)
      .leftJoin(users, eq(users.id, qaFlags.authorId))
      .where(where)
      .orderBy(desc(qaFlags.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(qaFlags).where(where),
  ]);
  return {
    items: rows.map(({ flag: f, authorName }) => ({
      id: f.id,
      projectId: f.projectId,
      subjectType: f.subjectType,
      subjectId: f.subjectId,
      source: f.source,
      authorId: f.authorId,
      authorName,
      phrases: f.phrases,
      excerpt: f.excerpt,
      createdAt: f.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
