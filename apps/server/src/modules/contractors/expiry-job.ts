import { zonedDay } from '@guanjia/shared';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { notify, usersWithRoles } from '../notifications/notify';
import { projects } from '../org/schema';
import { addDays } from '../patrol/rules/schedule';
import { publishAll } from '../tickets/ticket-write';
import { contractorContracts, contractors } from './schema';
import { CONTRACT_EXPIRY_DAYS, EXPIRY_REMINDER_ROLES } from './settings';

export const CONTRACT_EXPIRY_JOB = 'contractors.expiryReminder';

/**
 * The daily contract check: a contract of an active contractor ending within the reminder period
 * (Q72's month ahead) is told to the engineering lead and the project manager, once per contract and
 * end date (a renewed end date is told again).
 */
export async function remindExpiringContracts(
  services: Pick<Services, 'database' | 'clock' | 'bus'>,
): Promise<number> {
  const { db } = services.database;
  const now = services.clock.now();
  const outbox: BusMessage[] = [];
  const list = await db
    .select({ c: contractors, tz: projects.timezone })
    .from(contractors)
    .innerJoin(projects, eq(projects.id, contractors.projectId))
    .where(eq(contractors.active, true));
  let told = 0;
  for (const { c, tz } of list) {
    const scope = { companyId: c.companyId, projectId: c.projectId };
    const [days, roles] = await Promise.all([
      getSetting(db, CONTRACT_EXPIRY_DAYS, scope),
      getSetting(db, EXPIRY_REMINDER_ROLES, scope),
    ]);
    const today = zonedDay(now, tz);
    const ending = await db
      .select()
      .from(contractorContracts)
      .where(
        and(
          eq(contractorContracts.contractorId, c.id),
          gte(contractorContracts.endsOn, today),
          lte(contractorContracts.endsOn, addDays(today, days)),
        ),
      );
    if (!ending.length) continue;
    const people = await usersWithRoles(db, c.companyId, c.projectId, roles);
    await db.transaction(async (tx) => {
      await notify(
        { tx, now, outbox },
        ending.flatMap((k) =>
          people.map((p) => ({
            companyId: c.companyId,
            userId: p.userId,
            projectId: c.projectId,
            kind: 'contract.expiring' as const,
            level: 1,
            title: '【维保合同即将到期】',
            body: `${c.name}「${k.title}」将于 ${k.endsOn} 到期，请及时续签或另选维保单位。`,
            dedupeKey: `contract-expiring:${k.id}:${k.endsOn}`,
          })),
        ),
      );
    });
    told += ending.length;
  }
  await publishAll(services, outbox);
  return told;
}

export function registerContractorJobs(
  services: Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>,
): void {
  services.queue.register(CONTRACT_EXPIRY_JOB, async () => ({
    told: await remindExpiringContracts(services),
  }));
  services.queue.schedule(CONTRACT_EXPIRY_JOB, '30 8 * * *', {});
}
