import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { openRectification } from '../rectifications/open-rectification';
import { assertEditable } from './findings';
import { inspectionInScope } from './load';
import { liveScores } from './queries';
import { type InspectionRow, inspectionFindings, inspections, scoreSheets } from './schema';
import { NINES_FIX_MINUTES, RECTIFICATION_DAYS } from './settings';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Submit: the scores are frozen with the rules and numbers of this moment, and every deduction opens a
 * 整改单 for its department or person (9S findings get minutes, Q21; others the project's period) with
 * the inspector as checker — all in one transaction. A mystery visit becomes visible from here on.
 */
export async function submitInspection(
  ctx: Pick<Services, 'database' | 'clock' | 'bus'>,
  auth: AuthContext,
  id: number,
): Promise<InspectionRow> {
  const now = ctx.clock.now();
  const outbox: BusMessage[] = [];
  const row = await ctx.database.db.transaction(async (tx) => {
    const r = await inspectionInScope(tx, auth, id, true);
    assertEditable(auth, r);
    const [sheet] = await tx.select().from(scoreSheets).where(eq(scoreSheets.id, r.sheetId));
    if (!sheet) throw new Error('inspection without its sheet');
    const findings = await tx
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.inspectionId, r.id));
    const scores = await liveScores(tx, r, sheet, findings);
    const scope = { companyId: r.companyId, projectId: r.projectId };
    const defaultDeadline =
      sheet.kind === 'nines'
        ? new Date(now.getTime() + (await getSetting(tx, NINES_FIX_MINUTES, scope)) * MINUTE)
        : new Date(now.getTime() + (await getSetting(tx, RECTIFICATION_DAYS, scope)) * DAY);
    const items = new Map(
      sheet.sections.flatMap((s) => s.items.map((i) => [i.key, { ...i, section: s.title }])),
    );
    for (const f of findings) {
      const item = items.get(f.itemKey);
      const rect = await openRectification(
        tx,
        userActor(auth),
        now,
        {
          projectId: r.projectId,
          sourceType: 'quality_inspection',
          sourceId: r.id,
          sourceItemId: f.id,
          title: `${item?.title ?? f.itemKey}${f.count > 1 ? ` ×${f.count}` : ''}`,
          detail: f.note,
          location: f.location ?? (r.area || null),
          ncType: f.ncType,
          departmentId: f.departmentId ?? r.departmentId,
          ownerId: f.ownerId ?? f.subjectUserId,
          checkerId: r.inspectorId,
          findingPhotoIds: f.photoIds,
          deadline: f.deadline ?? defaultDeadline,
        },
        outbox,
      );
      await tx
        .update(inspectionFindings)
        .set({ rectificationId: rect.id })
        .where(eq(inspectionFindings.id, f.id));
    }
    const [u] = await tx
      .update(inspections)
      .set({
        state: 'submitted',
        submittedAt: now,
        startedAt: r.startedAt ?? now,
        scores,
        total: scores.total,
        percent: scores.percent,
        updatedAt: now,
        version: r.version + 1,
      })
      .where(eq(inspections.id, r.id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection.submitted',
      entityType: 'inspection',
      entityId: r.id,
      projectId: r.projectId,
      after: {
        total: scores.total,
        percent: scores.percent,
        vetoed: scores.vetoed,
        rectifications: findings.length,
      },
    });
    return u;
  });
  for (const m of outbox) await ctx.bus.publish(m);
  return row;
}
