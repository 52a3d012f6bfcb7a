import { and, eq, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { pointsOf, projectZone } from './route-queries';
import { gradeOf, patrolStatusOf } from './rules/grade';
import { patrolStarts } from './rules/schedule';
import { closesAt, pointWindow } from './rules/windows';
import { type PatrolRouteRow, patrolChecks, patrolRoutes, patrols } from './schema';
import { PATROL_AHEAD_HOURS, PATROL_LATE_GRACE_MINUTES } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;
const HOUR = 3_600_000;
/** The job runs every few minutes: a start just behind it is still generated. */
const LOOKBACK_MS = 15 * 60_000;

/** Write one patrol of a route starting at `start`, with its points' windows; none if it exists. */
export async function writePatrol(
  tx: DbOrTx,
  route: PatrolRouteRow,
  start: Date,
  graceMinutes: number,
  timeZone: string,
) {
  const points = await pointsOf(tx, [route.id]);
  if (!points.length) return null;
  const windows = points.map((p) => pointWindow(p, start, route.toleranceMinutes, timeZone));
  const [row] = await tx
    .insert(patrols)
    .values({
      companyId: route.companyId,
      projectId: route.projectId,
      routeId: route.id,
      routeName: route.name,
      kind: route.kind,
      startsAt: start,
      closesAt: closesAt(windows, start, graceMinutes),
      createdAt: start,
      updatedAt: start,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(patrolChecks).values(
    points.map((p, i) => ({
      patrolId: row.id,
      projectId: row.projectId,
      pointId: p.id,
      seq: p.seq,
      code: p.code,
      name: p.name,
      place: p.place,
      windowFrom: windows[i]!.from,
      windowTo: windows[i]!.to,
    })),
  );
  return row;
}

/**
 * The schedule job: each active route's patrols starting from a little before now up to
 * patrol.generateAheadHours ahead, once each (the unique route × start key makes reruns harmless).
 */
export async function generatePatrols(
  ctx: Ctx,
  options: { projectId?: number; now?: Date } = {},
): Promise<number> {
  const { db } = ctx.database;
  const now = options.now ?? ctx.clock.now();
  const routes = await db
    .select()
    .from(patrolRoutes)
    .where(
      and(
        eq(patrolRoutes.active, true),
        options.projectId ? eq(patrolRoutes.projectId, options.projectId) : undefined,
      ),
    );
  let made = 0;
  for (const route of routes) {
    const scope = { companyId: route.companyId, projectId: route.projectId };
    const [ahead, grace, tz] = await Promise.all([
      getSetting(db, PATROL_AHEAD_HOURS, scope),
      getSetting(db, PATROL_LATE_GRACE_MINUTES, scope),
      projectZone(db, route.projectId),
    ]);
    const starts = patrolStarts(
      route.schedule,
      new Date(now.getTime() - LOOKBACK_MS),
      new Date(now.getTime() + ahead * HOUR),
      tz,
    );
    for (const start of starts) {
      const row = await db.transaction(async (tx) => {
        const p = await writePatrol(tx, route, start, grace, tz);
        if (p)
          await recordEvent(tx, { userId: null, companyId: route.companyId, source: 'job' }, now, {
            action: 'patrol.generated',
            entityType: 'patrol',
            entityId: p.id,
            projectId: p.projectId,
            after: { routeId: route.id, startsAt: start.toISOString() },
          });
        return p;
      });
      if (row) made++;
    }
  }
  return made;
}

/** Close a patrol: the points not scanned become 漏检, the patrol 已完成 or 漏检. */
export async function closePatrol(tx: DbOrTx, patrolId: number, now: Date, actor: Actor | null) {
  const [p] = await tx.select().from(patrols).where(eq(patrols.id, patrolId)).for('update');
  if (!p || p.closedAt) return null;
  const checks = await tx.select().from(patrolChecks).where(eq(patrolChecks.patrolId, p.id));
  const missed = checks.filter((c) => !c.scannedAt).map((c) => c.id);
  if (missed.length)
    await tx.update(patrolChecks).set({ grade: '漏检' }).where(inArray(patrolChecks.id, missed));
  const status = patrolStatusOf(checks.length - missed.length, checks.length, true);
  const closedAt = p.closesAt < now ? p.closesAt : now;
  await tx
    .update(patrols)
    .set({ status, closedAt, updatedAt: now, version: p.version + 1 })
    .where(eq(patrols.id, p.id));
  await recordEvent(tx, actor ?? { userId: null, companyId: p.companyId, source: 'job' }, now, {
    action: 'patrol.closed',
    entityType: 'patrol',
    entityId: p.id,
    projectId: p.projectId,
    before: { status: p.status },
    after: {
      status,
      missed: checks.filter((c) => !c.scannedAt).map((c) => c.code),
      grades: checks.map((c) => c.grade ?? gradeOf(c, p.closesAt, now)),
    },
  });
  return status;
}

/** The closing sweep: every open patrol past its closing time. */
export async function closeDuePatrols(ctx: Ctx, now = ctx.clock.now()): Promise<number> {
  const due = await ctx.database.db
    .select({ id: patrols.id })
    .from(patrols)
    .where(and(inArray(patrols.status, ['待巡', '进行中']), lte(patrols.closesAt, now)));
  for (const { id } of due) await ctx.database.db.transaction((tx) => closePatrol(tx, id, now, null));
  return due.length;
}

export const PATROL_JOB = 'patrol.tick';

/** Every five minutes: generate what the schedules ask for, close what is past its window. */
export function registerPatrolJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  services.queue.register(PATROL_JOB, async ({ now }) => {
    const closed = await closeDuePatrols(services, now);
    const generated = await generatePatrols(services, { now });
    return { generated, closed };
  });
  services.queue.schedule(PATROL_JOB, '*/5 * * * *', {});
}
