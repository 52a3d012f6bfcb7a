import { and, eq, inArray } from 'drizzle-orm';
import { searchTextOf } from '../modules/knowledge/rules/search-terms';
import { kbArticles, kbQuestions } from '../modules/knowledge/schema';
import { users } from '../platform/auth/schema';
import type { DbOrTx } from '../platform/db/client';
import { firstProject } from './demo-context';

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

/**
 * 专家席 as a desk sees it: two questions waiting, one answered (not yet an article), one already
 * published as the standard answer — asked by the demo agents, answered by 专家 expert1.
 */
export async function seedDemoExpertQuestions(db: DbOrTx, companyId: number, now: Date): Promise<void> {
  const project = await firstProject(db, companyId);
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.companyId, companyId), inArray(users.username, ['agent1', 'agent2', 'expert1'])));
  const id = (username: string) => people.find((p) => p.username === username)?.id;
  const agent1 = id('agent1');
  const agent2 = id('agent2');
  const expert = id('expert1');
  if (!project || !agent1 || !agent2 || !expert) return;
  const base = { companyId, projectId: project.id };

  const published = {
    category: '停车',
    tags: ['充电桩', '电动车'],
    title: '电动车可以在地下车库充电吗',
    body: '问：电动车可以在地下车库充电吗？有没有充电桩？\n\n答：地下车库B2层东侧设有12个充电桩，扫码付费（0.8元/度，含服务费）。严禁私拉电线飞线充电，电动自行车严禁进入地下车库，请停放在地面非机动车棚充电。',
    visibility: 'public' as const,
  };
  const [article] = await db
    .insert(kbArticles)
    .values({
      ...published,
      ...base,
      searchText: searchTextOf(published),
      createdById: expert,
      updatedById: expert,
      createdAt: hoursAgo(now, 20),
      updatedAt: hoursAgo(now, 20),
    })
    .returning({ id: kbArticles.id });

  await db.insert(kbQuestions).values([
    {
      ...base,
      callerPhone: '13916625588',
      question: '电动车可以在地下车库充电吗？有没有充电桩？',
      status: 'published',
      askedById: agent2,
      answer: published.body.split('答：')[1] ?? '',
      answeredById: expert,
      answeredAt: hoursAgo(now, 22),
      articleId: article?.id ?? null,
      createdAt: hoursAgo(now, 26),
      updatedAt: hoursAgo(now, 20),
      version: 3,
    },
    {
      ...base,
      callerPhone: '13701234567',
      question: '业主想在自家阳台外墙加装空调外机支架，需要办什么手续？',
      status: 'answered',
      askedById: agent1,
      answer:
        '需到客服中心填写《装修（改造）申请表》，附支架安装图纸和施工单位资质，审批通过后由物业安排在工作日9:00—17:00施工；外机位置须在预留机位内，不得影响外立面统一。',
      answeredById: expert,
      answeredAt: hoursAgo(now, 3),
      createdAt: hoursAgo(now, 5),
      updatedAt: hoursAgo(now, 3),
      version: 2,
    },
    {
      ...base,
      callerPhone: '13812345678',
      question: '租户退租时物业费欠缴，押金能否由物业直接抵扣？',
      askedById: agent1,
      createdAt: hoursAgo(now, 1),
      updatedAt: hoursAgo(now, 1),
    },
    {
      ...base,
      question: '小区内能否开设家庭托管班？业主投诉楼上噪音大，是否属于违规经营？',
      askedById: agent2,
      createdAt: hoursAgo(now, 0.5),
      updatedAt: hoursAgo(now, 0.5),
    },
  ]);
}
