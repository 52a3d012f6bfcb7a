import { and, asc, eq, sql } from 'drizzle-orm';
import { buildings } from '../modules/org/schema';
import { recordAnswer } from '../modules/surveys/answer-survey';
import { closeCampaign } from '../modules/surveys/close-campaign';
import { openCampaign } from '../modules/surveys/open-campaign';
import { surveyCampaigns, surveyInvitations } from '../modules/surveys/schema';
import { addStandardTemplate } from '../modules/surveys/templates';
import { createCareCampaign } from '../modules/visits/care';
import { createVisit } from '../modules/visits/create-visit';
import { recordVisitResult } from '../modules/visits/record-visit';
import { createZone } from '../modules/zones/save-zone';
import { saveZoneScope } from '../modules/zones/zone-scope';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const DAY = 86_400_000;
const LEVELS = ['非常满意', '满意', '满意', '一般', '不满意'] as const;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * 满意度与走访 demo on 锦绣花园: three zones with butlers (林晓梅 limited to 一区), last half-year's
 * closed census (answers moved back six months, its below-target dimensions' 整改单), this half-year's
 * open campaign with some portal and phone answers, visits made and planned, and an AC-filter campaign.
 */
export async function seedDemoSurveys(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no surveys';
  const admin = seedAdmin(boot, [project.id]);
  const actor = { userId: boot.adminId, companyId: boot.companyId, source: 'system' as const };
  const now = services.clock.now();
  const staff = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.companyId, boot.companyId));
  const userId = (u: string) => staff.find((s) => s.username === u)?.id ?? boot.adminId;
  const blds = await db
    .select()
    .from(buildings)
    .where(eq(buildings.projectId, project.id))
    .orderBy(asc(buildings.sortOrder), asc(buildings.id));
  const third = Math.max(1, Math.ceil(blds.length / 3));
  const zoneIds: number[] = [];
  for (const [i, name] of ['一区', '二区', '三区'].entries()) {
    const ids = blds.slice(i * third, (i + 1) * third).map((b) => b.id);
    if (!ids.length) continue;
    zoneIds.push(
      await createZone(services, admin, {
        projectId: project.id,
        code: `Z${i + 1}`,
        name,
        butlerId: i === 0 ? userId('butler_jinxiu') : null,
        deputyId: null,
        sortOrder: i,
        buildingIds: ids,
      }),
    );
  }
  if (zoneIds[0]) await saveZoneScope(services, admin, userId('butler_jinxiu'), [zoneIds[0]]);

  const template = await addStandardTemplate(services, admin);
  // This half-year's campaign first: opened before anybody answers, so the quiet window skips nobody.
  const current = await openCampaign(services, admin, {
    projectId: project.id,
    templateId: template.id,
    name: `${now.getUTCFullYear()}年${now.getUTCMonth() < 6 ? '上' : '下'}半年物业服务满意度调查`,
    startsOn: iso(new Date(now.getTime() - 10 * DAY)),
    endsOn: iso(new Date(now.getTime() + 20 * DAY)),
    zoneIds: [],
    buildingIds: [],
    tags: [],
    channels: ['portal', 'sms', 'phone', 'paper'],
    sendSms: false,
  });
  const previous = await openCampaign(services, admin, {
    projectId: project.id,
    templateId: template.id,
    name: '上期物业服务满意度调查',
    startsOn: iso(new Date(now.getTime() - 5 * DAY)),
    endsOn: iso(new Date(now.getTime() + 5 * DAY)),
    zoneIds: [],
    buildingIds: [],
    tags: [],
    channels: ['portal', 'sms', 'phone', 'paper'],
    sendSms: false,
  });
  const questions = template.sections.flatMap((s) => s.questions);
  const answerSome = async (campaignId: number, every: number, cap: number, bias: number) => {
    const invs = await db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.campaignId, campaignId))
      .orderBy(asc(surveyInvitations.id));
    const [campaign] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, campaignId));
    let n = 0;
    for (const [i, inv] of invs.entries()) {
      if (i % every !== 0 || n >= cap || !campaign) continue;
      const answers: Record<string, string | number | string[]> = {};
      for (const [j, q] of questions.entries()) {
        const pick = LEVELS[(i + j + bias) % LEVELS.length]!;
        if (q.type === 'single') answers[q.key] = q.key === 'gc_speed' && i % 2 ? '不满意' : pick;
        else if (q.type === 'scale5') answers[q.key] = 5 - ((i + j) % 3);
        else if (q.type === 'nps') answers[q.key] = 10 - ((i + j) % 5);
      }
      answers.opinion = i % 7 === 0 ? '希望加强地下车库的照明与保洁' : '';
      await db.transaction((tx) =>
        recordAnswer(tx, actor, now, inv, campaign, {
          channel: (['portal', 'sms', 'phone', 'paper'] as const)[i % 4]!,
          answers,
          staffId: i % 4 >= 2 ? boot.adminId : null,
        }),
      );
      n++;
    }
    return n;
  };
  const prevAnswers = await answerSome(previous, 2, 400, 1);
  const [prevRow] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, previous));
  const closed = prevRow
    ? await closeCampaign(services, admin, previous, { version: prevRow.version })
    : null;
  const curAnswers = await answerSome(current, 3, 250, 0);
  // The closed census belongs to the previous half-year: its dates and answers move back six months.
  await db
    .update(surveyCampaigns)
    .set({
      startsOn: sql`${surveyCampaigns.startsOn} - 182`,
      endsOn: sql`${surveyCampaigns.endsOn} - 182`,
      closedAt: sql`${surveyCampaigns.closedAt} - interval '177 days'`,
    })
    .where(eq(surveyCampaigns.id, previous));
  await db
    .update(surveyInvitations)
    .set({ answeredAt: sql`${surveyInvitations.answeredAt} - interval '180 days'` })
    .where(and(eq(surveyInvitations.campaignId, previous), sql`${surveyInvitations.answeredAt} is not null`));

  // Visits: the project manager's visits this month, a few planned for tomorrow.
  const units = (await db.execute(sql`
    select u.id from units u where u.project_id = ${project.id}
      and exists (select 1 from resident_units ru where ru.unit_id = u.id) order by u.id limit 12`)) as unknown as {
    rows: { id: string | number }[];
  };
  const pm = { ...admin, userId: userId('pm_jinxiu') };
  let visits = 0;
  for (const [i, r] of units.rows.entries()) {
    const id = await createVisit(services, pm, {
      projectId: project.id,
      unitId: Number(r.id),
      purpose: (['意见征询', '关怀', '报修回访', '活动邀请'] as const)[i % 4]!,
      method: '上门',
      enterHome: false,
      plannedOn: iso(new Date(now.getTime() + (i < 6 ? -2 : 1) * DAY)),
      visitorIds: [userId('pm_jinxiu')],
    });
    if (i < 6)
      await recordVisitResult(services, pm, id, {
        outcome: i === 5 ? 'absent' : 'visited',
        opinions: i === 0 ? '电梯等待时间较长' : undefined,
        version: 1,
      });
    visits++;
  }
  const year = now.getUTCFullYear();
  await createCareCampaign(services, admin, {
    projectId: project.id,
    kind: '空调滤网',
    name: `${year}年空调滤网免费清洗`,
    startsOn: `${year}-05-01`,
    dueOn: `${year}-09-30`,
  });
  await createCareCampaign(services, admin, {
    projectId: project.id,
    kind: '外墙玻璃',
    name: `${year}年下半年外墙玻璃擦拭`,
    startsOn: `${year}-10-01`,
    dueOn: `${year}-11-30`,
  });
  return `${zoneIds.length} zones, ${prevAnswers + curAnswers} survey answers, ${closed?.rectificationIds.length ?? 0} survey rectifications, ${visits} visits`;
}
