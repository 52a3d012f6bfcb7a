import { zonedDay } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { roleHolders, tell } from '../complaints/tell';
import { projects } from '../org/schema';
import { publishAll } from '../tickets/ticket-write';
import { surveyDue } from './rules/schedule';
import { surveyCampaigns } from './schema';
import { sendReminders } from './send-reminders';
import { SURVEY_DUE_REMINDER_DAYS, SURVEYS_PER_YEAR } from './settings';

export const SURVEY_REMIND_JOB = 'surveys.remind';
export const SURVEY_DUE_JOB = 'surveys.due';
const jobActor = (companyId: number) => ({ userId: null, companyId, source: 'job' as const });

/** Reminders of every open campaign (each household by the max-count and gap rules). */
export async function remindAll(services: Pick<Services, 'database' | 'clock' | 'queue'>): Promise<number> {
  const open = await services.database.db
    .select()
    .from(surveyCampaigns)
    .where(eq(surveyCampaigns.status, 'open'));
  let n = 0;
  for (const c of open) n += await sendReminders(services, jobActor(c.companyId), c);
  return n;
}

/**
 * Q80: a project whose survey period (a half-year by default) has no campaign yet, and whose period
 * ends within SURVEY_DUE_REMINDER_DAYS, reminds its 客服主管 — once per period (the dedupe key).
 */
export async function remindSurveyDue(
  services: Pick<Services, 'database' | 'clock' | 'bus'>,
): Promise<number> {
  const now = services.clock.now();
  const outbox: BusMessage[] = [];
  const told = await services.database.db.transaction(async (tx) => {
    const all = await tx
      .select({ id: projects.id, companyId: projects.companyId, name: projects.name, tz: projects.timezone })
      .from(projects);
    let n = 0;
    for (const p of all) {
      const scope = { companyId: p.companyId, projectId: p.id };
      const perYear = await getSetting(tx, SURVEYS_PER_YEAR, scope);
      const days = await getSetting(tx, SURVEY_DUE_REMINDER_DAYS, scope);
      const starts = (
        await tx
          .select({ s: surveyCampaigns.startsOn })
          .from(surveyCampaigns)
          .where(eq(surveyCampaigns.projectId, p.id))
      ).map((r) => r.s);
      const { due, period } = surveyDue(zonedDay(now, p.tz), perYear, days, starts);
      if (!due) continue;
      const people = await tell(
        { tx, now, outbox },
        await roleHolders(tx, p.companyId, p.id, ['cs_supervisor']),
        {
          companyId: p.companyId,
          projectId: p.id,
          ticketId: null,
          kind: 'survey.due',
          level: 1,
          title: '【满意度调查提醒】',
          body: `${p.name} 本期（${period.start} 至 ${period.end}）尚未开展满意度调查，请在期末前安排（每年 ${perYear} 次）。`,
          dedupeKey: `survey-due:${p.id}:${period.start}`,
        },
      );
      if (!people.length) continue;
      await recordEvent(tx, jobActor(p.companyId), now, {
        action: 'survey.due_reminded',
        entityType: 'project',
        entityId: p.id,
        projectId: p.id,
        after: { period, userIds: people },
      });
      n++;
    }
    return n;
  });
  await publishAll(services, outbox);
  return told;
}

export function registerSurveyJobs(services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>): void {
  services.queue.register(SURVEY_REMIND_JOB, async () => ({ reminded: await remindAll(services) }));
  services.queue.register(SURVEY_DUE_JOB, async () => ({ told: await remindSurveyDue(services) }));
  // Reminders in the morning, when a text is read and not resented; the Q80 check once a day.
  services.queue.schedule(SURVEY_REMIND_JOB, '0 10 * * *');
  services.queue.schedule(SURVEY_DUE_JOB, '30 8 * * *');
}
