import { zonedDay } from '@guanjia/shared';
import type { SurveyAnswers, SurveyChannel } from '@guanjia/shared/api';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { badRequest, conflict, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { answerProblems, scoreHousehold, tallyIncrements } from './rules/results';
import {
  type SurveyCampaignRow,
  type SurveyInvitationRow,
  surveyCampaigns,
  surveyInvitations,
  surveyTallies,
} from './schema';

export interface AnswerProps {
  channel: SurveyChannel;
  answers: SurveyAnswers;
  residentId?: number | null;
  staffId?: number | null;
  callId?: number | null;
}

/** The invitation row locked for the answer, with its campaign; 404 when there is none. */
export async function lockInvitation(tx: DbOrTx, where: ReturnType<typeof eq>) {
  const [inv] = await tx.select().from(surveyInvitations).where(where).for('update');
  if (!inv) throw notFound('Survey invitation');
  const [campaign] = await tx.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, inv.campaignId));
  if (!campaign) throw notFound('Survey campaign');
  return { inv, campaign };
}

/** Answering is possible while the campaign is open and its last day has not passed (project time). */
export async function assertAnswerable(tx: DbOrTx, campaign: SurveyCampaignRow, now: Date): Promise<void> {
  const [p] = await tx
    .select({ tz: projects.timezone })
    .from(projects)
    .where(eq(projects.id, campaign.projectId));
  const today = zonedDay(now, p?.tz ?? 'Asia/Shanghai');
  if (campaign.status !== 'open' || today > campaign.endsOn) throw conflict('This survey is closed');
  if (today < campaign.startsOn) throw conflict('This survey has not started yet');
}

/**
 * One household's answer, whatever the channel: validated against the campaign's questions, stored on
 * the household's invitation (once — a second answer is a 409), and added to the live counters in the
 * same transaction, so the results never disagree with the answers.
 */
export async function recordAnswer(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  inv: SurveyInvitationRow,
  campaign: SurveyCampaignRow,
  props: AnswerProps,
): Promise<SurveyInvitationRow> {
  await assertAnswerable(tx, campaign, now);
  if (!campaign.channels.includes(props.channel))
    throw badRequest('This survey is not taken on this channel');
  if (inv.answeredAt) throw conflict('This household has already answered');
  const problems = answerProblems(campaign.sections, props.answers);
  if (problems.length) throw badRequest('The answers are incomplete or invalid', { problems });
  const score = scoreHousehold(campaign.sections, props.answers);
  const [row] = await tx
    .update(surveyInvitations)
    .set({
      answeredAt: now,
      channel: props.channel,
      answers: props.answers,
      overallSatisfied: score.overall,
      residentId: props.residentId ?? null,
      staffId: props.staffId ?? null,
      callId: props.callId ?? null,
    })
    .where(eq(surveyInvitations.id, inv.id))
    .returning();
  for (const t of tallyIncrements(inv.zoneId ?? 0, props.channel, score))
    await tx
      .insert(surveyTallies)
      .values({ campaignId: campaign.id, ...t })
      .onConflictDoUpdate({
        target: [surveyTallies.campaignId, surveyTallies.zoneId, surveyTallies.dimension],
        set: {
          responded: sql`${surveyTallies.responded} + ${t.responded}`,
          answered: sql`${surveyTallies.answered} + ${t.answered}`,
          satisfied: sql`${surveyTallies.satisfied} + ${t.satisfied}`,
          byChannel: t.responded
            ? sql`${surveyTallies.byChannel} || jsonb_build_object(${props.channel}::text, coalesce((${surveyTallies.byChannel} ->> ${props.channel}::text)::int, 0) + 1)`
            : sql`${surveyTallies.byChannel}`,
        },
      });
  await recordEvent(tx, actor, now, {
    action: 'survey.answered',
    entityType: 'survey_campaign',
    entityId: campaign.id,
    projectId: campaign.projectId,
    after: {
      unitId: inv.unitId,
      channel: props.channel,
      overallSatisfied: score.overall,
      callId: props.callId ?? null,
    },
  });
  return row!;
}
