import { parseQrCode } from '@guanjia/shared';
import type { PatrolGrade } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { gradeOf, patrolStatusOf } from './rules/grade';
import { patrolChecks, patrols } from './schema';

const refused = (code: string, message: string) => new AppError(400, code, message);
/** A scan may come a little before the first window; much earlier it is the wrong patrol. */
const EARLIEST_MS = 60 * 60_000;

/**
 * A point scanned on a patrol: the label must be a patrol point of the patrol's project and on its
 * route; the first scan is kept and graded, a repeat scan answers the same and writes nothing.
 */
export async function checkIn(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  patrolId: number,
  scanned: string,
): Promise<{ pointId: number; recorded: boolean; grade: PatrolGrade }> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [p] = await tx.select().from(patrols).where(eq(patrols.id, patrolId)).for('update');
    if (!p) throw notFound('Patrol');
    assertInScope(auth, p.projectId, 'Patrol');
    const qr = parseQrCode(scanned);
    if (!qr) throw refused('not_a_label', 'This is not a Guanjia label');
    if (qr.kind !== 'patrolPoint') throw refused('not_a_patrol_point', 'This label is not a patrol point');
    if (qr.projectId !== p.projectId)
      throw refused('other_project', 'This point belongs to another project, not to this patrol');
    const [check] = await tx
      .select()
      .from(patrolChecks)
      .where(and(eq(patrolChecks.patrolId, p.id), eq(patrolChecks.code, qr.code)));
    if (!check) throw refused('not_on_route', 'This point is not on the route of this patrol');
    if (check.scannedAt) return { pointId: check.pointId, recorded: false, grade: check.grade ?? '按时' };
    if (p.closedAt) throw conflict('The patrol is closed; the point was missed');
    const first = await tx
      .select({ from: patrolChecks.windowFrom })
      .from(patrolChecks)
      .where(eq(patrolChecks.patrolId, p.id));
    const opens = Math.min(...first.map((f) => f.from.getTime()), p.startsAt.getTime()) - EARLIEST_MS;
    if (now.getTime() < opens) throw conflict('The patrol has not started yet');
    const grade = gradeOf({ ...check, scannedAt: now }, p.closesAt, now) ?? '按时';
    await tx
      .update(patrolChecks)
      .set({ scannedAt: now, scannedById: auth.userId, grade })
      .where(eq(patrolChecks.id, check.id));
    const all = await tx
      .select({ at: patrolChecks.scannedAt })
      .from(patrolChecks)
      .where(eq(patrolChecks.patrolId, p.id));
    const done = all.filter((c) => c.at).length;
    const status = patrolStatusOf(done, all.length, false);
    await tx
      .update(patrols)
      .set({
        status,
        updatedAt: now,
        version: p.version + 1,
        ...(status === '已完成' ? { closedAt: now } : {}),
      })
      .where(eq(patrols.id, p.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'patrol.checkedIn',
      entityType: 'patrol',
      entityId: p.id,
      projectId: p.projectId,
      after: { point: check.code, grade, status },
    });
    return { pointId: check.pointId, recorded: true, grade };
  });
}
