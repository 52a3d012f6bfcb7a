import { zonedDay } from '@guanjia/shared';
import type { InspectionDoneBody, WorkerPassVerdict } from '@guanjia/shared/api';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { projects, units } from '../org/schema';
import { openRectification } from '../rectifications/open-rectification';
import { decorationInScope } from './decoration-queries';
import { ACTIVE_SITE_STATES, workerPassVerdict } from './rules/decoration-states';
import { decorationInspections, decorations, decorationWorkers } from './schema';
import { INSPECTION_FIX_DAYS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * The day's site inspection of every active site ("装修现场必须每日巡查1次", W-14 step 5), in the
 * project's own day; an earlier day's task still open is marked missed. Idempotent: one row per day.
 */
export async function generateInspections(ctx: Ctx): Promise<number> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const sites = await db
    .select({ d: decorations, tz: projects.timezone })
    .from(decorations)
    .innerJoin(projects, eq(projects.id, decorations.projectId))
    .where(inArray(decorations.state, ACTIVE_SITE_STATES));
  let made = 0;
  for (const { d, tz } of sites) {
    const day = zonedDay(now, tz);
    await db.transaction(async (tx) => {
      await tx
        .update(decorationInspections)
        .set({ state: 'missed' })
        .where(
          and(
            eq(decorationInspections.decorationId, d.id),
            eq(decorationInspections.state, 'open'),
            lt(decorationInspections.day, day),
          ),
        );
      const rows = await tx
        .insert(decorationInspections)
        .values({ decorationId: d.id, projectId: d.projectId, day, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: decorationInspections.id });
      if (rows[0]) {
        made++;
        await recordEvent(tx, { userId: null, companyId: d.companyId, source: 'job' }, now, {
          action: 'decoration.inspection_due',
          entityType: 'decoration',
          entityId: d.id,
          projectId: d.projectId,
          after: { day, inspectionId: rows[0].id },
        });
      }
    });
  }
  return made;
}

/** An inspection done: each finding opens a 整改通知单 (openRectification) with the fix deadline. */
export async function completeInspection(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  inspectionId: number,
  b: InspectionDoneBody,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = await decorationInScope(tx, auth, id);
    const [i] = await tx
      .select()
      .from(decorationInspections)
      .where(and(eq(decorationInspections.id, inspectionId), eq(decorationInspections.decorationId, d.id)))
      .for('update');
    if (!i) throw notFound('Site inspection');
    if (i.state === 'done') throw conflict('The inspection was already recorded');
    const [unit] = await tx
      .select({ buildingId: units.buildingId, label: units.label })
      .from(units)
      .where(eq(units.id, d.unitId));
    const days = await getSetting(tx, INSPECTION_FIX_DAYS, d);
    const ids: number[] = [];
    for (const f of b.findings) {
      const r = await openRectification(tx, userActor(auth), now, {
        projectId: d.projectId,
        sourceType: 'decoration',
        sourceId: d.id,
        sourceItemId: i.id,
        title: f.title,
        detail: f.detail,
        location: unit?.label ?? null,
        buildingId: unit?.buildingId ?? null,
        unitId: d.unitId,
        findingPhotoIds: f.photoIds,
        deadline: new Date(now.getTime() + days * 86_400_000),
      });
      ids.push(r.id);
    }
    const [row] = await tx
      .update(decorationInspections)
      .set({
        state: 'done',
        ok: b.ok && !b.findings.length,
        note: b.note,
        rectificationIds: ids,
        doneBy: auth.userId,
        doneAt: now,
      })
      .where(eq(decorationInspections.id, i.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'decoration.inspected',
      entityType: 'decoration',
      entityId: d.id,
      projectId: d.projectId,
      after: { day: i.day, ok: row!.ok, rectificationIds: ids },
    });
    return row!;
  });
}

/**
 * 装修工人出入证 at the gate: the scanned QR payload (or its bare code) → valid or the reason refused.
 * Exported for the gate's check registry; reads only, so the gate may call it outside a transaction.
 */
export async function verifyDecorationWorkerPass(
  db: DbOrTx,
  scanned: string,
  now: Date,
  projectIds?: number[],
): Promise<WorkerPassVerdict> {
  // A pass printed as a URL (?qr=…) reads the same as the raw payload.
  const inUrl = /[?&]qr=([^&#]+)/.exec(scanned);
  let code = scanned.trim();
  try {
    if (inUrl?.[1]) code = decodeURIComponent(inUrl[1]).trim();
  } catch {
    // A malformed escape is simply an unknown pass.
  }
  const [hit] = await db
    .select({ w: decorationWorkers, d: decorations, label: units.label, tz: projects.timezone })
    .from(decorationWorkers)
    .innerJoin(decorations, eq(decorations.id, decorationWorkers.decorationId))
    .innerJoin(units, eq(units.id, decorations.unitId))
    .innerJoin(projects, eq(projects.id, decorations.projectId))
    .where(eq(decorationWorkers.passCode, code));
  const visible = hit && (!projectIds || projectIds.includes(hit.d.projectId)) ? hit : null;
  const reason = workerPassVerdict(
    visible ? { revoked: visible.w.revoked, state: visible.d.state, endsOn: visible.d.endsOn } : null,
    visible ? zonedDay(now, visible.tz) : '',
  );
  return {
    valid: reason === 'ok',
    reason,
    workerName: visible?.w.name ?? null,
    unitLabel: visible?.label ?? null,
    validUntil: visible?.d.endsOn ?? null,
  };
}
