import type { DutyRole, dutyShiftInput } from '@guanjia/shared/api';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { userProjects, users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { onDutyAt, type Shift } from './rules/duty';
import { dutyShifts } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
const DAY = 86_400_000;
const day = (t: Date) => t.toISOString().slice(0, 10);

/** The project's time zone (shifts are wall-clock times there). */
export async function projectZone(db: DbOrTx, projectId: number): Promise<string> {
  const [p] = await db.select({ tz: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  return p?.tz ?? 'Asia/Shanghai';
}

/** Shifts that may cover `t`: those starting the day before through the day after (overnight ones). */
export async function shiftsAround(db: DbOrTx, projectId: number, t: Date): Promise<Shift[]> {
  return db
    .select({
      role: dutyShifts.role,
      userId: dutyShifts.userId,
      date: dutyShifts.date,
      startTime: dutyShifts.startTime,
      endTime: dutyShifts.endTime,
    })
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.projectId, projectId),
        gte(dutyShifts.date, day(new Date(t.getTime() - 2 * DAY))),
        lte(dutyShifts.date, day(new Date(t.getTime() + DAY))),
      ),
    )
    .orderBy(asc(dutyShifts.id));
}

const ROLES: DutyRole[] = ['team_leader', 'butler', 'emergency_team', 'project_head', 'company_duty'];

/** Who holds each duty role at `t` (with names), for the board and the roster page. */
export async function whoIsOnDuty(db: DbOrTx, projectId: number, t: Date) {
  const [shifts, tz] = await Promise.all([shiftsAround(db, projectId, t), projectZone(db, projectId)]);
  const pairs = ROLES.flatMap((role) => onDutyAt(shifts, role, t, tz).map((userId) => ({ role, userId })));
  const names = await userNames(
    db,
    pairs.map((p) => p.userId),
  );
  return pairs.map((p) => ({ ...p, userName: names.get(p.userId) ?? '' }));
}

export async function userNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listRoster(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId: number; from: string; to: string },
  now: Date,
) {
  assertInScope(auth, q.projectId, 'Project');
  const rows = await db
    .select()
    .from(dutyShifts)
    .where(
      and(eq(dutyShifts.projectId, q.projectId), gte(dutyShifts.date, q.from), lte(dutyShifts.date, q.to)),
    )
    .orderBy(asc(dutyShifts.date), asc(dutyShifts.startTime), asc(dutyShifts.id));
  const names = await userNames(
    db,
    rows.map((r) => r.userId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      role: r.role,
      userId: r.userId,
      userName: names.get(r.userId) ?? '',
      date: r.date,
      startTime: r.startTime,
      endTime: r.endTime,
    })),
    onDuty: await whoIsOnDuty(db, q.projectId, now),
  };
}

export async function addShift(ctx: Ctx, auth: AuthContext, input: z.infer<typeof dutyShiftInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    // The person must work on this project: a roster cannot page a stranger.
    const [member] = await tx
      .select({ all: users.allProjects, project: userProjects.projectId })
      .from(users)
      .leftJoin(
        userProjects,
        and(eq(userProjects.userId, users.id), eq(userProjects.projectId, input.projectId)),
      )
      .where(and(eq(users.id, input.userId), eq(users.companyId, auth.companyId), eq(users.active, true)));
    if (!member || (!member.all && member.project === null))
      throw badRequest('The person does not work on this project', { userId: 'not of this project' });
    const [row] = await tx
      .insert(dutyShifts)
      .values({ ...input, companyId: auth.companyId, createdAt: now })
      .returning();
    if (!row) throw new Error('shift insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'duty_shift.created',
      entityType: 'duty_shift',
      entityId: row.id,
      projectId: row.projectId,
      after: { role: row.role, userId: row.userId, date: row.date, from: row.startTime, to: row.endTime },
    });
    return row;
  });
}

export async function deleteShift(ctx: Ctx, auth: AuthContext, id: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(dutyShifts).where(eq(dutyShifts.id, id)).for('update');
    if (!row || row.companyId !== auth.companyId) throw notFound('Duty shift');
    assertInScope(auth, row.projectId, 'Duty shift');
    await tx.delete(dutyShifts).where(eq(dutyShifts.id, id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'duty_shift.deleted',
      entityType: 'duty_shift',
      entityId: id,
      projectId: row.projectId,
      before: { role: row.role, userId: row.userId, date: row.date },
    });
  });
}
