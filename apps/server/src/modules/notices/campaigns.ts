import { formatHumanDay } from '@guanjia/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { zonedParts } from '../../platform/clock/zoned';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { type Recipient, resolveAudience } from '../delivery/recipients';
import { deliveries } from '../delivery/schema';
import { projects, units } from '../org/schema';
import { residents, residentUnits } from '../residents/schema';
import { BIRTHDAY_GREETINGS, WARRANTY_REMIND_DAYS } from './settings';

export const CAMPAIGN_JOB = 'notices.campaigns';

const isoDay = (at: Date, timeZone: string) => {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/**
 * The daily scheduled campaigns of every project: birthday greetings and the Q72 warranty reminder.
 * Runs once a day (cron at 10:00 local, outside quiet hours); each message is an ordinary delivery.
 */
export async function runCampaigns(services: Pick<Services, 'database' | 'clock' | 'queue'>) {
  const { db } = services.database;
  const now = services.clock.now();
  let birthdays = 0;
  let warranty = 0;
  for (const p of await db.select().from(projects)) {
    const scope = { companyId: p.companyId, projectId: p.id };
    const today = isoDay(now, p.timezone);
    // The day is the campaign's source id: a second run on the same day (another node, a manual run)
    // skips everyone already addressed.
    const day = Number(today.replaceAll('-', ''));
    await db.transaction(async (tx) => {
      const fresh = async (source: 'birthday' | 'warranty', list: Recipient[]) => {
        if (!list.length) return list;
        const done = await tx
          .select({ residentId: deliveries.residentId })
          .from(deliveries)
          .where(
            and(
              eq(deliveries.sourceType, source),
              eq(deliveries.sourceId, day),
              inArray(
                deliveries.residentId,
                list.map((r) => r.residentId),
              ),
            ),
          );
        const seen = new Set(done.map((d) => d.residentId));
        return list.filter((r) => !seen.has(r.residentId));
      };
      if (await getSetting(tx, BIRTHDAY_GREETINGS, scope)) {
        const born = await tx
          .select({ id: residents.id })
          .from(residents)
          .where(
            and(
              eq(residents.projectId, p.id),
              sql`to_char(${residents.birthday}, 'MM-DD') = ${today.slice(5)}`,
            ),
          );
        if (born.length) {
          const recipients = await fresh(
            'birthday',
            await resolveAudience(tx, { projectId: p.id, residentIds: born.map((r) => r.id) }),
          );
          birthdays += await queueDeliveries(
            tx,
            services,
            {
              companyId: p.companyId,
              projectId: p.id,
              sourceType: 'birthday',
              sourceId: day,
              urgent: false,
              subject: '生日祝福',
            },
            recipients,
            (r) => `尊敬的${r.name}:${p.name}全体员工祝您生日快乐,阖家幸福!`,
          );
        }
      }
      const days = await getSetting(tx, WARRANTY_REMIND_DAYS, scope);
      if (days > 0) {
        const ending = isoDay(new Date(now.getTime() + days * 86_400_000), p.timezone);
        const rows = await tx
          .select({ unitId: units.id, label: units.label, until: units.warrantyUntil })
          .from(units)
          .where(and(eq(units.projectId, p.id), eq(units.warrantyUntil, ending)));
        if (rows.length) {
          const owners = await tx
            .selectDistinct({ residentId: residentUnits.residentId })
            .from(residentUnits)
            .where(
              and(
                inArray(
                  residentUnits.unitId,
                  rows.map((r) => r.unitId),
                ),
                eq(residentUnits.relation, '业主'),
              ),
            );
          const recipients = await fresh(
            'warranty',
            await resolveAudience(tx, {
              projectId: p.id,
              residentIds: owners.map((o) => o.residentId),
              unitIds: rows.map((r) => r.unitId),
            }),
          );
          // "6月30日", not "2025-06-30": the owner reads the day as on a Chinese calendar.
          const lastDay = formatHumanDay(ending, { timeZone: p.timezone, now });
          warranty += await queueDeliveries(
            tx,
            services,
            {
              companyId: p.companyId,
              projectId: p.id,
              sourceType: 'warranty',
              sourceId: day,
              urgent: false,
              subject: '保修期到期提醒',
              // Q72 asks for an SMS, whatever channel the owner prefers for notices.
              channel: 'sms',
            },
            recipients.filter((r) => r.mobile),
            (r) =>
              `尊敬的${r.name}:您的房屋${r.unitLabel ?? ''}保修期将于${lastDay}到期,如有质量问题请在到期前联系${p.name}客服中心报修。`,
          );
        }
      }
    });
  }
  return { birthdays, warranty };
}

export function registerCampaignJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  services.queue.register(CAMPAIGN_JOB, () => runCampaigns(services));
  services.queue.schedule(CAMPAIGN_JOB, '0 10 * * *');
}
