import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import type { SurveyCampaignRow } from './schema';
import { surveyCampaigns, surveyInvitations } from './schema';
import { SURVEY_REMINDER_GAP_DAYS, SURVEY_REMINDER_MAX } from './settings';
import { queueSurveySms } from './sms-links';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * Remind the households that have not answered by SMS — at most SURVEY_REMINDER_MAX times each and
 * SURVEY_REMINDER_GAP_DAYS apart (LimeSurvey's reminder rules) — in one transaction per campaign.
 * Returns the households reminded.
 */
export async function sendReminders(ctx: Ctx, actor: Actor, campaign: SurveyCampaignRow): Promise<number> {
  if (campaign.status !== 'open' || !campaign.channels.includes('sms')) return 0;
  const now = ctx.clock.now();
  const scope = { companyId: campaign.companyId, projectId: campaign.projectId };
  const max = await getSetting(ctx.database.db, SURVEY_REMINDER_MAX, scope);
  const gapDays = await getSetting(ctx.database.db, SURVEY_REMINDER_GAP_DAYS, scope);
  const before = new Date(now.getTime() - gapDays * 86_400_000);
  return ctx.database.db.transaction(async (tx) => {
    // The same rule as reminderDue (rules/schedule.ts), as a query: unanswered, under the maximum, gap passed.
    const due = await tx
      .update(surveyInvitations)
      .set({ reminders: sql`${surveyInvitations.reminders} + 1`, lastRemindedAt: now })
      .where(
        and(
          eq(surveyInvitations.campaignId, campaign.id),
          isNull(surveyInvitations.answeredAt),
          lt(surveyInvitations.reminders, max),
          or(isNull(surveyInvitations.lastRemindedAt), lte(surveyInvitations.lastRemindedAt, before)),
        ),
      )
      .returning({ unitId: surveyInvitations.unitId, token: surveyInvitations.token });
    if (!due.length) return 0;
    const sent = await queueSurveySms(tx, ctx, campaign, due, true);
    await tx
      .update(surveyCampaigns)
      .set({ remindersSent: sql`${surveyCampaigns.remindersSent} + ${due.length}` })
      .where(eq(surveyCampaigns.id, campaign.id));
    await recordEvent(tx, actor, now, {
      action: 'survey_campaign.reminded',
      entityType: 'survey_campaign',
      entityId: campaign.id,
      projectId: campaign.projectId,
      after: { households: due.length, smsQueued: sent },
    });
    return due.length;
  });
}
