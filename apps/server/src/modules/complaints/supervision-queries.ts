import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { tickets } from '../tickets/schema';
import { type SupervisionRow, supervisions } from './schema';

const iso = (d: Date | null) => d?.toISOString() ?? null;

type Joined = {
  s: SupervisionRow;
  t: Pick<typeof tickets.$inferSelect, 'number' | 'title' | 'type' | 'status'>;
};

const ticketCols = {
  number: tickets.number,
  title: tickets.title,
  type: tickets.type,
  status: tickets.status,
};

/** A 督办 is live while it is active and its ticket still waits for its handling. */
export const liveSupervision = and(
  eq(supervisions.state, 'active'),
  inArray(tickets.status, ['待受理', '处理中']),
);

export async function peopleNames(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function presentSupervision(j: Joined, names: Map<number, string>, now: Date) {
  const { s, t } = j;
  const live = s.state === 'active' && (t.status === '待受理' || t.status === '处理中');
  return {
    id: s.id,
    projectId: s.projectId,
    ticketId: s.ticketId,
    ticketNumber: t.number,
    ticketTitle: t.title,
    ticketType: t.type,
    ticketStatus: t.status,
    assigneeId: s.assigneeId,
    assigneeName: s.assigneeId ? (names.get(s.assigneeId) ?? null) : null,
    departmentId: s.departmentId,
    deadline: s.deadline.toISOString(),
    note: s.note,
    state: s.state,
    level: s.level,
    overdue: live && s.deadline.getTime() <= now.getTime(),
    createdById: s.createdById,
    createdByName: s.createdById ? (names.get(s.createdById) ?? null) : null,
    createdAt: s.createdAt.toISOString(),
    closedAt: iso(s.closedAt),
  };
}

async function present(db: DbOrTx, rows: Joined[], now: Date) {
  const names = await peopleNames(
    db,
    rows.flatMap((r) => [r.s.assigneeId, r.s.createdById]),
  );
  return rows.map((r) => presentSupervision(r, names, now));
}

/** GET /api/supervisions: live ones by default, the caller's own with mine=true, soonest deadline first. */
export async function listSupervisions(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; mine?: boolean; state: 'active' | 'all'; page: number; pageSize: number },
  now: Date,
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where: SQL | undefined = and(
    inArray(supervisions.projectId, scope.length ? scope : [-1]),
    q.mine ? eq(supervisions.assigneeId, auth.userId) : undefined,
    q.state === 'active' ? liveSupervision : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ s: supervisions, t: ticketCols })
      .from(supervisions)
      .innerJoin(tickets, eq(tickets.id, supervisions.ticketId))
      .where(where)
      .orderBy(asc(supervisions.deadline), asc(supervisions.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(supervisions)
      .innerJoin(tickets, eq(tickets.id, supervisions.ticketId))
      .where(where),
  ]);
  return { items: await present(db, rows, now), total: total?.n ?? 0 };
}

/** The ticket's live 督办 for its detail view. */
export async function ticketSupervision(db: DbOrTx, ticketId: number, now: Date) {
  const rows = await db
    .select({ s: supervisions, t: ticketCols })
    .from(supervisions)
    .innerJoin(tickets, eq(tickets.id, supervisions.ticketId))
    .where(and(eq(supervisions.ticketId, ticketId), liveSupervision));
  return (await present(db, rows, now))[0] ?? null;
}
