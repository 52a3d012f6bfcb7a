import { and, count, desc, eq, gt, gte, inArray, lt, lte, notInArray } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { DEFAULT_TIME_ZONE, zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { scopeIds } from '../org/queries';
import { projects } from '../org/schema';
import { localDayOf, nextDay, startOfLocalDay } from '../reports/rules/days';
import { tickets } from '../tickets/schema';
import {
  complaintScope,
  countComplaints,
  ledgerRows,
  overdueOpenSql,
  presentLedger,
  replyLateSql,
} from './ledger-queries';
import { complaintWarnings, supervisions } from './schema';
import { liveSupervision } from './supervision-queries';
import { buildingNames } from './warning-job';
import { warningMessage } from './warning-text';

const DAY = 86_400_000;
/** A 投诉预警 stays on the supervisor's home for a week after it was raised. */
export const WARNING_ACTIVE_DAYS = 7;
const LIST_CAP = 500;

/** The project's time zone (404 for a project out of scope); the default zone across projects. */
export async function zoneOf(db: DbOrTx, auth: AuthContext, projectId?: number): Promise<string> {
  if (!projectId) return DEFAULT_TIME_ZONE;
  assertInScope(auth, projectId, 'Project');
  const [p] = await db.select({ tz: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  return p?.tz ?? DEFAULT_TIME_ZONE;
}

const open = notInArray(tickets.status, ['已关闭', '已取消']);

/** 今日投诉盘点 (Q52): today's new complaints, all open ones, the overdue ones — each with its owner. */
export async function complaintToday(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number | undefined,
  now: Date,
) {
  const tz = await zoneOf(db, auth, projectId);
  const day = localDayOf(now, tz);
  const scope = complaintScope(auth, projectId);
  const [fresh, stillOpen, overdue] = await Promise.all([
    ledgerRows(db, and(scope, gte(tickets.createdAt, startOfLocalDay(day, tz))), LIST_CAP, 0),
    ledgerRows(db, and(scope, open), LIST_CAP, 0),
    ledgerRows(db, and(scope, overdueOpenSql(now)), LIST_CAP, 0),
  ]);
  return {
    day,
    new: await presentLedger(db, fresh, now),
    open: await presentLedger(db, stillOpen, now),
    overdue: await presentLedger(db, overdue, now),
  };
}

/** Monday 00:00 of the local week holding `anchor`, and the Monday after. */
export function weekOf(anchor: Date, tz: string): [Date, Date] {
  const back = (zonedParts(anchor, tz).weekday + 6) % 7;
  const day = new Date(Date.parse(`${localDayOf(anchor, tz)}T00:00:00Z`) - back * DAY)
    .toISOString()
    .slice(0, 10);
  let end = day;
  for (let i = 0; i < 7; i++) end = nextDay(end);
  return [startOfLocalDay(day, tz), startOfLocalDay(end, tz)];
}

/**
 * 周超期分析 (Q52): complaints whose reply deadline fell in the week and that were (or still are) late,
 * with the cause their owner recorded, counted by cause category and department.
 */
export async function complaintOverdueWeek(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; week?: string },
  now: Date,
) {
  const tz = await zoneOf(db, auth, q.projectId);
  const [from, to] = weekOf(q.week ? new Date(q.week) : new Date(now.getTime() - 7 * DAY), tz);
  const rows = await ledgerRows(
    db,
    and(
      complaintScope(auth, q.projectId),
      gte(tickets.replyDueAt, from),
      lt(tickets.replyDueAt, to),
      lte(tickets.replyDueAt, now),
      replyLateSql(now),
    ),
    LIST_CAP,
    0,
  );
  const items = await presentLedger(db, rows, now);
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    items,
    byCause: tally(items.map((i) => i.cause ?? '未分类')).map(([cause, n]) => ({ cause, count: n })),
    byDepartment: tally(items.map((i) => i.departmentName ?? '未分派')).map(([departmentName, n]) => ({
      departmentName,
      count: n,
    })),
  };
}

const warningScope = (auth: AuthContext, projectId?: number) => {
  const scope = projectId ? scopeIds(auth).filter((id) => id === projectId) : scopeIds(auth);
  return inArray(complaintWarnings.projectId, scope.length ? scope : [-1]);
};
const activeSince = (now: Date) => new Date(now.getTime() - WARNING_ACTIVE_DAYS * DAY);

/** 投诉预警 raised in the scope: the active ones (the last week), or all with all=true. */
export async function listWarnings(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; all?: boolean },
  now: Date,
) {
  const rows = await db
    .select()
    .from(complaintWarnings)
    .where(
      and(
        warningScope(auth, q.projectId),
        q.all ? undefined : gt(complaintWarnings.createdAt, activeSince(now)),
      ),
    )
    .orderBy(desc(complaintWarnings.createdAt), desc(complaintWarnings.id))
    .limit(200);
  const names = await buildingNames(
    db,
    rows.map((r) => r.buildingId),
  );
  return rows.map((r) => {
    const buildingName = r.buildingId ? (names.get(r.buildingId) ?? null) : null;
    return {
      id: r.id,
      projectId: r.projectId,
      rule: r.rule,
      cause: r.cause,
      buildingId: r.buildingId,
      buildingName,
      count: r.count,
      previousCount: r.previousCount,
      windowStart: r.windowStart.toISOString(),
      windowEnd: r.windowEnd.toISOString(),
      message: warningMessage(r, buildingName),
      active: r.createdAt > activeSince(now),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/** GET /api/complaints/summary: the figures of the supervisor's home cards. */
export async function complaintSummary(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number | undefined,
  now: Date,
) {
  const tz = await zoneOf(db, auth, projectId);
  const scope = complaintScope(auth, projectId);
  const start = startOfLocalDay(localDayOf(now, tz), tz);
  const projectsIn = projectId ? scopeIds(auth).filter((id) => id === projectId) : scopeIds(auth);
  const supervised = and(
    inArray(supervisions.projectId, projectsIn.length ? projectsIn : [-1]),
    liveSupervision,
  );
  const countSupervised = async (late: boolean) => {
    const [row] = await db
      .select({ n: count() })
      .from(supervisions)
      .innerJoin(tickets, eq(tickets.id, supervisions.ticketId))
      .where(and(supervised, late ? lte(supervisions.deadline, now) : undefined));
    return row?.n ?? 0;
  };
  const [openN, overdueN, newN, supervisedN, supervisedLate, [warnings]] = await Promise.all([
    countComplaints(db, and(scope, open)),
    countComplaints(db, and(scope, overdueOpenSql(now))),
    countComplaints(db, and(scope, gte(tickets.createdAt, start))),
    countSupervised(false),
    countSupervised(true),
    db
      .select({ n: count() })
      .from(complaintWarnings)
      .where(and(warningScope(auth, projectId), gt(complaintWarnings.createdAt, activeSince(now)))),
  ]);
  return {
    open: openN,
    overdue: overdueN,
    supervised: supervisedN,
    supervisedOverdue: supervisedLate,
    today: { new: newN, open: openN, overdue: overdueN },
    warnings: warnings?.n ?? 0,
  };
}
