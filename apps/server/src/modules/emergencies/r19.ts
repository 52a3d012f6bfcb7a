import type { emergencyReportQuery } from '@guanjia/shared/api';
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { scopeIds } from '../org/queries';
import { compliancePct, median } from './rules/compliance';
import { lateMinutes } from './rules/deadlines';
import { emergencies, emergencyRectifications, emergencySteps } from './schema';

const DAY = 86_400_000;

/**
 * R19: real incidents (drills apart) started in the period (Asia/Shanghai days): by type, level and
 * month; per plan step the share done within its deadline and the median lateness of the late ones;
 * the median time to control; rectification items still open.
 */
export async function emergencyR19(
  db: DbOrTx,
  auth: AuthContext,
  q: z.infer<typeof emergencyReportQuery>,
  now: Date,
) {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const scope = q.projectId ? [q.projectId] : scopeIds(auth);
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY);
  const rows = await db
    .select()
    .from(emergencies)
    .where(
      and(
        inArray(emergencies.projectId, scope),
        eq(emergencies.drill, false),
        gte(emergencies.startedAt, from),
        lt(emergencies.startedAt, to),
      ),
    );
  const ids = rows.map((r) => r.id);
  const [steps, open] = await Promise.all([
    ids.length ? db.select().from(emergencySteps).where(inArray(emergencySteps.emergencyId, ids)) : [],
    ids.length
      ? db
          .select({ id: emergencyRectifications.id })
          .from(emergencyRectifications)
          .where(
            and(inArray(emergencyRectifications.emergencyId, ids), isNull(emergencyRectifications.doneAt)),
          )
      : [],
  ]);
  const tally = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const months = tally(
    rows.map((r) => {
      const p = zonedParts(r.startedAt);
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    }),
  );
  // A step counts once decided: done, or past its deadline.
  const byKey = new Map<string, { title: string; total: number; met: number; late: number[] }>();
  for (const s of steps) {
    if (!s.doneAt && s.dueAt > now) continue;
    const k = byKey.get(s.key) ?? { title: s.title, total: 0, met: 0, late: [] };
    k.total++;
    const late = lateMinutes({ dueAt: s.dueAt, doneAt: s.doneAt ?? now });
    if (s.doneAt && late === null) k.met++;
    else if (late !== null) k.late.push(late);
    byKey.set(s.key, k);
  }
  const toControl = rows
    .filter((r) => r.controlledAt)
    .map((r) => (r.controlledAt!.getTime() - r.startedAt.getTime()) / 60_000);
  return {
    from: q.from,
    to: q.to,
    total: rows.length,
    byType: [...tally(rows.map((r) => r.type))].map(([type, count]) => ({ type, count })),
    byLevel: [...tally(rows.map((r) => r.level))].map(([level, count]) => ({ level, count })),
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
    steps: [...byKey].map(([key, k]) => ({
      key,
      title: k.title,
      total: k.total,
      met: k.met,
      compliancePct: compliancePct(k.met, k.total),
      medianLateMinutes: median(k.late),
    })),
    medianMinutesToControl: median(toControl),
    openRectifications: open.length,
  };
}
