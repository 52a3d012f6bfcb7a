import { randomBytes } from 'node:crypto';
import type { SurveyCampaignInput } from '@guanjia/shared/api';
import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { zones } from '../zones/schema';
import { recentlyAnswered, targetHouseholds } from './households';
import { OVERALL } from './rules/results';
import { surveyCampaigns, surveyInvitations, surveyTallies } from './schema';
import { SURVEY_QUIET_DAYS } from './settings';
import { queueSurveySms } from './sms-links';
import { templateInScope } from './templates';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

export const newToken = () => randomBytes(16).toString('base64url');

/**
 * Open a campaign: the questionnaire is copied (later template edits change nothing), one token per
 * targeted household is issued, households that answered within the quiet window are left out, the
 * live counters start at the household counts, and the SMS link goes out when asked — all or nothing.
 */
export async function openCampaign(ctx: Ctx, auth: AuthContext, body: SurveyCampaignInput): Promise<number> {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  const { db } = ctx.database;
  const template = await templateInScope(db, auth, body.templateId);
  if (template.projectId !== null && template.projectId !== body.projectId)
    throw badRequest('The questionnaire belongs to another project');
  if (!template.active) throw badRequest('The questionnaire is retired');
  if (body.zoneIds.length) {
    const found = await db
      .select({ id: zones.id })
      .from(zones)
      .where(and(inArray(zones.id, body.zoneIds), eq(zones.projectId, body.projectId)));
    if (found.length !== new Set(body.zoneIds).size) throw badRequest('A zone is not in this project');
  }
  return db.transaction(async (tx) => {
    const all = await targetHouseholds(tx, auth, body);
    const quietDays = await getSetting(tx, SURVEY_QUIET_DAYS, {
      companyId: auth.companyId,
      projectId: body.projectId,
    });
    const quiet = quietDays
      ? await recentlyAnswered(
          tx,
          all.map((h) => h.unitId),
          new Date(now.getTime() - quietDays * 86_400_000),
        )
      : new Set<number>();
    const households = all.filter((h) => !quiet.has(h.unitId));
    if (!households.length) throw badRequest('No household to ask: none matches, or all answered recently');
    const [campaign] = await tx
      .insert(surveyCampaigns)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        templateId: template.id,
        name: body.name,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        sections: template.sections,
        channels: [...new Set(body.channels)],
        zoneIds: body.zoneIds,
        buildingIds: body.buildingIds,
        tags: body.tags,
        households: households.length,
        skipped: quiet.size,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!campaign) throw new Error('insert returned nothing');
    const invitations = households.map((h) => ({
      campaignId: campaign.id,
      projectId: campaign.projectId,
      unitId: h.unitId,
      zoneId: h.zoneId || null,
      token: newToken(),
      // The link just sent counts as the last contact: the first reminder waits the gap like the others.
      lastRemindedAt: body.sendSms && campaign.channels.includes('sms') ? now : null,
    }));
    for (let i = 0; i < invitations.length; i += 1000)
      await tx.insert(surveyInvitations).values(invitations.slice(i, i + 1000));
    const perZone = new Map<number, number>();
    for (const h of households) perZone.set(h.zoneId, (perZone.get(h.zoneId) ?? 0) + 1);
    await tx.insert(surveyTallies).values(
      [...perZone].map(([zoneId, n]) => ({
        campaignId: campaign.id,
        zoneId,
        dimension: OVERALL,
        households: n,
      })),
    );
    const sent =
      body.sendSms && campaign.channels.includes('sms')
        ? await queueSurveySms(tx, ctx, campaign, invitations, false)
        : 0;
    await recordEvent(tx, userActor(auth), now, {
      action: 'survey_campaign.opened',
      entityType: 'survey_campaign',
      entityId: campaign.id,
      projectId: campaign.projectId,
      after: { name: campaign.name, households: households.length, skipped: quiet.size, smsSent: sent },
    });
    return campaign.id;
  });
}
