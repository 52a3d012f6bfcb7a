import type { PatrolPointInput } from '@guanjia/shared/api';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { conflict } from '../../platform/http/errors';
import { patrolPoints } from './schema';

/** Replace a route's ordered points; a code already used by another route of the project is a 409. */
export async function writePoints(
  tx: DbOrTx,
  routeId: number,
  projectId: number,
  points: readonly PatrolPointInput[],
) {
  const codes = points.map((p) => p.code);
  const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (dupes.length) throw conflict('A point code is used twice', { codes: [...new Set(dupes)] });
  const taken = await tx
    .select({ code: patrolPoints.code })
    .from(patrolPoints)
    .where(
      and(
        eq(patrolPoints.projectId, projectId),
        ne(patrolPoints.routeId, routeId),
        inArray(patrolPoints.code, codes),
      ),
    );
  if (taken.length)
    throw conflict('A point code is used on another route', { codes: taken.map((t) => t.code) });
  await tx.delete(patrolPoints).where(eq(patrolPoints.routeId, routeId));
  return tx
    .insert(patrolPoints)
    .values(
      points.map((p, i) => ({
        routeId,
        projectId,
        seq: i + 1,
        code: p.code,
        name: p.name,
        place: p.place,
        equipmentId: p.equipmentId ?? null,
        offsetMinutes: p.offsetMinutes ?? null,
        clockFrom: p.clockFrom ?? null,
        clockTo: p.clockTo ?? null,
      })),
    )
    .returning();
}
