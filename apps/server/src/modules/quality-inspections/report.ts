import type { NonconformanceType } from '@guanjia/shared';
import { wallClockInstant, zonedDay } from '@guanjia/shared';
import type { QualityReport } from '@guanjia/shared/api';
import { type AnyColumn, and, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { departments } from '../complaints/schema';
import { projectZones } from '../org/queries';
import { rectificationRounds, rectifications } from '../rectifications/schema';
import { nextDay } from '../reports/rules/days';
import { zones } from '../zones/schema';
import { ninesFlags } from './rules/nines';
import { inspectionFindings, inspections, scoreSheets } from './schema';
import { NINES_POINTS, NINES_THRESHOLD } from './settings';

const avg = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null;
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/**
 * R17: scores per sheet, month, section and item; per department and zone (片区评比, ranked); the
 * rectification on-time and re-check pass rates; ISO non-conformance counts; 9S monthly counts per person
 * with the Q21/Q120 flag. Default period: this month so far.
 */
export async function qualityReport(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; from?: string; to?: string },
  now: Date,
): Promise<QualityReport> {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const projectIds = q.projectId ? [q.projectId] : auth.projectIds.length ? [...auth.projectIds] : [-1];
  // The period's days are each project's own: projects that share a zone share one window, and the
  // default "this month so far" is the month of each zone's today.
  const zoneOf = await projectZones(db, projectIds);
  const idsByZone = new Map<string, number[]>();
  for (const id of projectIds) idsByZone.set(zoneOf(id), [...(idsByZone.get(zoneOf(id)) ?? []), id]);
  const windows = [...idsByZone].map(([timeZone, ids]) => {
    const today = zonedDay(now, timeZone);
    const from = q.from ?? `${today.slice(0, 8)}01`;
    const to = q.to ?? today;
    const start = wallClockInstant(from, '00:00', timeZone);
    // The next midnight, not +24h: a zone with daylight saving has 23- and 25-hour days.
    const end = wallClockInstant(nextDay(to), '00:00', timeZone);
    return { ids, from, to, start, end };
  });
  const from = windows.map((w) => w.from).sort()[0]!;
  const to = windows
    .map((w) => w.to)
    .sort()
    .at(-1)!;
  const inWindow = (projectId: AnyColumn, at: AnyColumn): SQL =>
    or(...windows.map((w) => and(inArray(projectId, w.ids), gte(at, w.start), lt(at, w.end))))!;
  const inspWhere: SQL[] = [
    eq(inspections.companyId, auth.companyId),
    inArray(inspections.projectId, projectIds),
    eq(inspections.state, 'submitted'),
    inWindow(inspections.projectId, inspections.submittedAt),
  ];
  const rows = await db
    .select({
      id: inspections.id,
      projectId: inspections.projectId,
      percent: inspections.percent,
      scores: inspections.scores,
      submittedAt: inspections.submittedAt,
      departmentId: inspections.departmentId,
      zoneId: inspections.zoneId,
      code: scoreSheets.code,
      kind: scoreSheets.kind,
      name: scoreSheets.name,
      sections: scoreSheets.sections,
    })
    .from(inspections)
    .innerJoin(scoreSheets, eq(scoreSheets.id, inspections.sheetId))
    .where(and(...inspWhere))
    .limit(20_000);

  const group = <K>(key: (r: (typeof rows)[number]) => K | null) => {
    const m = new Map<K, number[]>();
    for (const r of rows) {
      const k = key(r);
      if (k === null || r.percent === null) continue;
      m.set(k, [...(m.get(k) ?? []), r.percent]);
    }
    return m;
  };
  const bySheet = group((r) => r.code);
  const sheetNames = new Map(rows.map((r) => [r.code, r.name]));
  const byMonth = group((r) =>
    r.submittedAt ? zonedDay(r.submittedAt, zoneOf(r.projectId)).slice(0, 7) : null,
  );
  const byDept = group((r) => r.departmentId);
  const byZone = group((r) => r.zoneId);

  const items = new Map<
    string,
    { sheetName: string; sectionTitle: string; itemTitle: string; defects: number; deduction: number }
  >();
  for (const r of rows) {
    if (!r.scores) continue;
    for (const sec of r.scores.sections) {
      const def = r.sections.find((s) => s.key === sec.key);
      for (const it of sec.items) {
        if (!it.defects && !it.deduction) continue;
        const k = `${r.code}/${it.key}`;
        const had = items.get(k) ?? {
          sheetName: r.name,
          sectionTitle: def?.title ?? sec.key,
          itemTitle: def?.items.find((i) => i.key === it.key)?.title ?? it.key,
          defects: 0,
          deduction: 0,
        };
        had.defects += it.defects;
        had.deduction = Math.round((had.deduction + it.deduction) * 100) / 100;
        items.set(k, had);
      }
    }
  }

  const deptIds = [...byDept.keys()].filter((x): x is number => x !== null);
  const deptNames = new Map(
    deptIds.length
      ? (
          await db
            .select({ id: departments.id, name: departments.name })
            .from(departments)
            .where(inArray(departments.id, deptIds))
        ).map((d) => [d.id, d.name])
      : [],
  );
  const zoneIds = [...byZone.keys()].filter((x): x is number => x !== null);
  const zoneNames = new Map(
    zoneIds.length
      ? (
          await db.select({ id: zones.id, name: zones.name }).from(zones).where(inArray(zones.id, zoneIds))
        ).map((z) => [z.id, z.name])
      : [],
  );
  const zoneRows = zoneIds
    .map((zoneId) => ({
      zoneId,
      name: zoneNames.get(zoneId) ?? '',
      inspections: byZone.get(zoneId)!.length,
      avgPercent: avg(byZone.get(zoneId)!),
    }))
    .sort((a, b) => (b.avgPercent ?? 0) - (a.avgPercent ?? 0))
    .map((z, i) => ({ ...z, rank: i + 1 }));

  const rectWhere = and(
    eq(rectifications.companyId, auth.companyId),
    inArray(rectifications.projectId, projectIds),
    eq(rectifications.sourceType, 'quality_inspection'),
    inWindow(rectifications.projectId, rectifications.createdAt),
  );
  const rects = await db
    .select({
      id: rectifications.id,
      state: rectifications.state,
      deadline: rectifications.deadline,
      submittedAt: rectifications.submittedAt,
      ncType: rectifications.ncType,
    })
    .from(rectifications)
    .where(rectWhere)
    .limit(50_000);
  const rounds = rects.length
    ? await db
        .select({ kind: rectificationRounds.kind, n: sql<number>`count(*)::int` })
        .from(rectificationRounds)
        .innerJoin(rectifications, eq(rectifications.id, rectificationRounds.rectificationId))
        .where(and(rectWhere, inArray(rectificationRounds.kind, ['pass', 'fail'])))
        .groupBy(rectificationRounds.kind)
    : [];
  const closed = rects.filter((r) => r.state === 'closed');
  const closedOnTime = closed.filter(
    (r) => r.submittedAt && r.submittedAt.getTime() <= r.deadline.getTime(),
  ).length;
  const passed = Number(rounds.find((r) => r.kind === 'pass')?.n ?? 0);
  const rechecks = passed + Number(rounds.find((r) => r.kind === 'fail')?.n ?? 0);
  const nc = new Map<NonconformanceType, number>();
  for (const r of rects) if (r.ncType) nc.set(r.ncType, (nc.get(r.ncType) ?? 0) + 1);

  const ninesIds = rows.filter((r) => r.kind === 'nines').map((r) => r.id);
  const ninesRows = ninesIds.length
    ? await db
        .select({
          userId: inspectionFindings.subjectUserId,
          name: users.displayName,
          count: inspectionFindings.count,
          at: inspections.submittedAt,
          projectId: inspections.projectId,
        })
        .from(inspectionFindings)
        .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
        .innerJoin(users, eq(users.id, inspectionFindings.subjectUserId))
        .where(
          and(
            inArray(inspectionFindings.inspectionId, ninesIds),
            isNotNull(inspectionFindings.subjectUserId),
          ),
        )
    : [];
  const ninesCounts = new Map<string, { userId: number; name: string; month: string; count: number }>();
  for (const r of ninesRows) {
    if (!r.userId || !r.at) continue;
    const month = zonedDay(r.at, zoneOf(r.projectId)).slice(0, 7);
    const k = `${r.userId}/${month}`;
    const had = ninesCounts.get(k) ?? { userId: r.userId, name: r.name, month, count: 0 };
    had.count += r.count;
    ninesCounts.set(k, had);
  }
  const scope = { companyId: auth.companyId, projectId: q.projectId ?? null };
  const [threshold, points] = await Promise.all([
    getSetting(db, NINES_THRESHOLD, scope),
    getSetting(db, NINES_POINTS, scope),
  ]);
  const nameOf = new Map([...ninesCounts.values()].map((c) => [`${c.userId}/${c.month}`, c.name]));
  const nines = ninesFlags([...ninesCounts.values()], { threshold, points })
    .map((f) => ({
      userId: f.userId,
      name: nameOf.get(`${f.userId}/${f.month}`) ?? '',
      month: f.month,
      count: f.count,
      flagged: f.flagged,
      points: f.points,
    }))
    .sort((a, b) => a.month.localeCompare(b.month) || b.count - a.count);

  return {
    from,
    to,
    sheets: [...bySheet].map(([code, xs]) => ({
      code,
      name: sheetNames.get(code) ?? code,
      inspections: xs.length,
      avgPercent: avg(xs),
    })),
    months: [...byMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, xs]) => ({ month, inspections: xs.length, avgPercent: avg(xs) })),
    items: [...items.values()].sort((a, b) => b.deduction - a.deduction).slice(0, 100),
    departments: deptIds.map((id) => ({
      departmentId: id,
      name: deptNames.get(id) ?? '',
      inspections: byDept.get(id)!.length,
      avgPercent: avg(byDept.get(id)!),
    })),
    zones: zoneRows,
    rectifications: {
      total: rects.length,
      closed: closed.length,
      closedOnTime,
      onTimeRate: rate(closedOnTime, closed.length),
      rechecks,
      rechecksPassed: passed,
      passRate: rate(passed, rechecks),
      overdueOpen: rects.filter((r) => r.state === 'open' && r.deadline.getTime() < now.getTime()).length,
    },
    ncTypes: [...nc].map(([ncType, count]) => ({ ncType, count })),
    nines,
  };
}
