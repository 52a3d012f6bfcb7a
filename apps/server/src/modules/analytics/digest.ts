import { sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import { readTimeZone } from '../../platform/clock/time-zone';
import { zonedParts } from '../../platform/clock/zoned';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { insertDeliveries } from '../delivery/queue-deliveries';
import { staffTargets } from '../delivery/rules/staff-alert';
import { DELIVERY_MAX_ATTEMPTS } from '../delivery/settings';
import { staffAddresses } from '../delivery/staff-alerts';
import { notify, usersWithRoles } from '../notifications/notify';
import { localDayOf, nextDay, startOfLocalDay } from '../reports/rules/days';
import { publishAll } from '../tickets/ticket-write';
import { cardValue } from './compute';
import { findDashboard, type KpiContext } from './registry';
import { DIGEST_HOUR } from './settings';

/** Who gets the digest: the project's managers (项目经理, 客服主管). */
export const DIGEST_ROLES = ['project_manager', 'cs_supervisor'] as const;

export interface DigestFigures {
  day: string;
  intake: number;
  breached: number;
  reopened: number;
  unassigned: number;
  complaints: number;
  warnings: number;
}

/** Yesterday's figures: the service dashboard's own cards over that local day, plus what waits for dispatch now. */
export async function digestFigures(c: Omit<KpiContext, 'params'>, day: string): Promise<DigestFigures> {
  const def = findDashboard('service');
  const ctx: KpiContext = {
    ...c,
    from: startOfLocalDay(day, c.timeZone),
    to: startOfLocalDay(nextDay(day), c.timeZone),
    params: {},
  };
  const value = async (key: string) => {
    const card = def?.cards.find((x) => x.key === key);
    return card ? cardValue(ctx, card) : 0;
  };
  const res = (await c.db.execute(sql`
    select count(distinct w.ticket_id)::int as n from work_orders w
     where w.project_id = ${c.projectId} and w.status = '待派单'`)) as unknown as { rows: { n: number }[] };
  return {
    day,
    intake: await value('intake'),
    breached: await value('breached'),
    reopened: await value('reopened'),
    unassigned: Number(res.rows[0]?.n ?? 0),
    complaints: await value('complaints'),
    warnings: await value('warnings'),
  };
}

export const digestText = (projectName: string, f: DigestFigures) =>
  `${projectName} ${f.day}：受理 ${f.intake} 单，超时 ${f.breached} 单，返工 ${f.reopened} 单，待派单 ${f.unassigned} 单，投诉 ${f.complaints} 件，投诉预警 ${f.warnings} 条。`;

/**
 * The hourly sweep: every project whose local time is its digest hour (08:00 by default) sends
 * yesterday's figures to its managers in-app and by their own channels (e-mail/SMS/…). The dedupe
 * key (project, day) makes a rerun of the same hour send nothing twice.
 */
export async function sendDigests(
  services: Pick<Services, 'database' | 'queue' | 'clock' | 'bus'>,
  now: Date,
) {
  const { db } = services.database;
  const projects = (await db.execute(
    sql`select id, company_id, name, timezone from projects order by id`,
  )) as unknown as {
    rows: { id: string | number; company_id: string | number; name: string; timezone: string }[];
  };
  let sent = 0;
  const outbox: BusMessage[] = [];
  for (const p of projects.rows) {
    const projectId = Number(p.id);
    const companyId = Number(p.company_id);
    const timeZone = readTimeZone(p.timezone, 'projects.timezone');
    const scope = { companyId, projectId };
    if (zonedParts(now, timeZone).hour !== (await getSetting(db, DIGEST_HOUR, scope))) continue;
    const yesterday = localDayOf(
      new Date(startOfLocalDay(localDayOf(now, timeZone), timeZone).getTime() - 3_600_000),
      timeZone,
    );
    const people = await usersWithRoles(db, companyId, projectId, DIGEST_ROLES);
    const userIds = [...new Set(people.map((x) => x.userId))];
    if (!userIds.length) continue;
    const figures = await digestFigures(
      { db, projectId, companyId, from: now, to: now, timeZone, now },
      yesterday,
    );
    const body = digestText(p.name, figures);
    const dedupeKey = `analytics-digest:${projectId}:${yesterday}`;
    await db.transaction(async (tx) => {
      const already = (await tx.execute(
        sql`select 1 from notifications where dedupe_key = ${dedupeKey} limit 1`,
      )) as unknown as {
        rows: unknown[];
      };
      if (already.rows.length) return;
      await notify(
        { tx, now, outbox },
        userIds.map((userId) => ({
          companyId,
          userId,
          projectId,
          kind: 'analytics.digest' as const,
          title: `【管理日报】${yesterday}`,
          body,
          dedupeKey,
        })),
      );
      const targets = (await staffAddresses(tx, userIds)).flatMap((a) =>
        staffTargets(a.userId, a).map((t) => ({ ...t, userId: a.userId })),
      );
      const maxAttempts = await getSetting(tx, DELIVERY_MAX_ATTEMPTS, scope);
      await insertDeliveries(
        tx,
        services,
        targets.map((t) => ({
          companyId,
          projectId,
          sourceType: 'analytics_digest' as const,
          sourceId: projectId,
          userId: t.userId,
          channel: t.channel,
          recipient: t.recipient,
          subject: `【管理日报】${p.name} ${yesterday}`,
          body,
          urgent: false,
          maxAttempts,
          createdAt: now,
          updatedAt: now,
        })),
      );
      sent += userIds.length;
    });
  }
  await publishAll(services, outbox);
  return sent;
}
