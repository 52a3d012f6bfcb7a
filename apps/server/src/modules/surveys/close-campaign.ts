import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { openRectification } from '../rectifications/open-rectification';
import { campaignInScope, campaignResults } from './queries';
import { surveyCampaigns } from './schema';
import { SURVEY_RECTIFY_DAYS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * Close a campaign and analyse it (W-22: analysis → rectification → follow-up): every dimension below
 * the satisfaction target (Q82) opens a 整改单 owned by the person the closer names (or left for the
 * rectification desk to assign), due in SURVEY_RECTIFY_DAYS — in the same transaction as the close.
 */
export async function closeCampaign(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { version: number; ownerId?: number | null },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = checkVersion(await campaignInScope(tx, auth, id, true), body.version, 'Survey campaign');
    if (c.status === 'closed') throw conflict('The campaign is already closed');
    // The whole campaign's results, whoever closes it: a zone-limited closer must not hide other zones.
    const results = await campaignResults(tx, { ...auth, zoneIds: null, zoneBuildingIds: null }, c);
    const days = await getSetting(tx, SURVEY_RECTIFY_DAYS, c);
    const deadline = new Date(now.getTime() + days * 86_400_000);
    const opened: number[] = [];
    for (const d of results.byDimension.filter((x) => x.belowTarget)) {
      const row = await openRectification(tx, userActor(auth), now, {
        projectId: c.projectId,
        sourceType: 'survey',
        sourceId: c.id,
        title: `满意度整改：${d.dimension}满意率 ${(d.satisfaction * 100).toFixed(1)}%（目标 ${Math.round(results.targets.satisfaction * 100)}%）`,
        detail: `「${c.name}」${d.dimension}维度：${d.answered} 户评价，${d.satisfied} 户满意。请分析原因、制定整改措施并跟进落实。`,
        ownerId: body.ownerId ?? null,
        deadline,
      });
      opened.push(row.id);
    }
    const [row] = await tx
      .update(surveyCampaigns)
      .set({ status: 'closed', closedAt: now, version: c.version + 1, updatedAt: now })
      .where(eq(surveyCampaigns.id, c.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'survey_campaign.closed',
      entityType: 'survey_campaign',
      entityId: c.id,
      projectId: c.projectId,
      after: {
        coverage: results.coverage,
        satisfaction: results.satisfaction,
        rectificationIds: opened,
      },
    });
    return { row: row!, rectificationIds: opened };
  });
}
