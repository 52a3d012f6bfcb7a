import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { buildings, units } from '../org/schema';
import { tickets } from '../tickets/schema';
import { publishAll } from '../tickets/ticket-write';
import { findWarnings } from './rules/warnings';
import { complaintWarnings } from './schema';
import { WARNING_ROLES, WARNING_THRESHOLDS } from './settings';
import { roleHolders, tell } from './tell';
import { warningMessage } from './warning-text';

export const COMPLAINT_WARNING_JOB = 'complaints.warnings';
const DAY = 86_400_000;

/** Queue a 投诉预警 check of the project in the caller's transaction (one per new complaint). */
export async function queueWarningCheck(
  ctx: Pick<Services, 'queue'>,
  tx: DbOrTx,
  projectId: number,
  runAt: Date,
) {
  await ctx.queue.enqueue(COMPLAINT_WARNING_JOB, { projectId }, { tx, runAt, maxAttempts: 3 });
}

/**
 * Q52/R04 投诉预警 of one project: the rules (rules/warnings.ts) over the complaints of the last weeks;
 * each new finding is stored once and sent to the configured roles (WARNING_ROLES).
 */
export async function checkComplaintWarnings(
  services: Pick<Services, 'database' | 'clock' | 'bus'>,
  projectId: number,
): Promise<number> {
  const now = services.clock.now();
  const { db } = services.database;
  const outbox: Parameters<typeof tell>[0]['outbox'] = [];
  const created = await db.transaction(async (tx) => {
    const [project] = await tx
      .select({ companyId: tickets.companyId })
      .from(tickets)
      .where(eq(tickets.projectId, projectId))
      .limit(1);
    if (!project) return 0;
    const scope = { companyId: project.companyId, projectId };
    const th = await getSetting(tx, WARNING_THRESHOLDS, scope);
    const since = new Date(now.getTime() - Math.max(th.clusterDays, 14) * DAY);
    const facts = await tx
      .select({ createdAt: tickets.createdAt, cause: tickets.cause, buildingId: units.buildingId })
      .from(tickets)
      .leftJoin(units, eq(units.id, tickets.unitId))
      .where(
        and(
          eq(tickets.projectId, projectId),
          eq(tickets.type, '投诉'),
          ne(tickets.status, '已取消'),
          gt(tickets.createdAt, since),
        ),
      );
    const recentRows = await tx
      .select({ key: complaintWarnings.dedupeKey, createdAt: complaintWarnings.createdAt })
      .from(complaintWarnings)
      .where(and(eq(complaintWarnings.projectId, projectId), gt(complaintWarnings.createdAt, since)));
    // Stored keys carry the day they were raised (…@2026-12-06): the rules compare the finding's key.
    const recent = recentRows.map((r) => ({ key: r.key.split('@')[0] ?? r.key, createdAt: r.createdAt }));
    const found = findWarnings(facts, now, th, recent);
    if (!found.length) return 0;
    const names = await buildingNames(
      tx,
      found.map((f) => f.buildingId),
    );
    const day = now.toISOString().slice(0, 10);
    const rows = await tx
      .insert(complaintWarnings)
      .values(
        found.map((f) => ({
          companyId: project.companyId,
          projectId,
          rule: f.rule,
          cause: f.cause,
          buildingId: f.buildingId,
          count: f.count,
          previousCount: f.previousCount,
          windowStart: f.windowStart,
          windowEnd: f.windowEnd,
          dedupeKey: `${f.key}@${day}`,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    const roles = await getSetting(tx, WARNING_ROLES, scope);
    const people = await roleHolders(tx, project.companyId, projectId, roles);
    for (const r of rows) {
      const text = warningMessage(r, names.get(r.buildingId ?? -1) ?? null);
      await notifyWarning(tx, now, outbox, r, people, text);
    }
    return rows.length;
  });
  await publishAll(services, outbox);
  return created;
}

async function notifyWarning(
  tx: DbOrTx,
  now: Date,
  outbox: Parameters<typeof tell>[0]['outbox'],
  r: typeof complaintWarnings.$inferSelect,
  people: number[],
  text: string,
) {
  // A warning is about a project, not a ticket: the notification links to no ticket.
  await tell({ tx, now, outbox }, people, {
    companyId: r.companyId,
    projectId: r.projectId,
    ticketId: null,
    kind: 'complaint.warning',
    level: 2,
    title: '【投诉预警】',
    body: text,
    dedupeKey: `complaint-warning:${r.id}`,
  });
}

export async function buildingNames(tx: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await tx
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(inArray(buildings.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every project with complaints in the last weeks, for the hourly sweep. */
async function projectsWithComplaints(db: DbOrTx, now: Date): Promise<number[]> {
  const rows = await db
    .selectDistinct({ projectId: tickets.projectId })
    .from(tickets)
    .where(and(eq(tickets.type, '投诉'), gt(tickets.createdAt, new Date(now.getTime() - 14 * DAY))));
  return rows.map((r) => r.projectId);
}

export function registerWarningJobs(services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>): void {
  services.queue.register<{ projectId?: number }>(COMPLAINT_WARNING_JOB, async ({ payload }) => {
    const ids = payload.projectId
      ? [payload.projectId]
      : await projectsWithComplaints(services.database.db, services.clock.now());
    let raised = 0;
    for (const id of ids) raised += await checkComplaintWarnings(services, id);
    return { raised };
  });
  // A rise can appear without a new complaint (last week's tail leaves the window): sweep hourly too.
  services.queue.schedule(COMPLAINT_WARNING_JOB, '7 * * * *', {});
}
