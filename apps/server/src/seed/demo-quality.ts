import { and, asc, eq, inArray } from 'drizzle-orm';
import { scoreReview } from '../modules/quality/review-commands';
import { sampleReviews } from '../modules/quality/sample-reviews';
import { qaReviews } from '../modules/quality/schema';
import { handleCallEvent } from '../modules/telephony/handle-call-event';
import { agentPresence } from '../modules/telephony/schema';
import { addTicketNote } from '../modules/tickets/add-ticket-note';
import { createTicket } from '../modules/tickets/create-ticket';
import type { TicketInput } from '../modules/tickets/create-ticket.types';
import { users } from '../platform/auth/schema';
import { loadAuthContext } from '../platform/auth/sessions';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject } from './demo-context';

/** Calls of the morning: agent, caller, transcript (the first uses phone-specific forbidden words, §6.6). */
const CALLS: [string, string, string][] = [
  ['8001', '13816880101', '喂，找谁？什么事？热水器的事我不知道，你等一会再打过来。'],
  [
    '8001',
    '13816880102',
    '您好，安居物业服务中心，请问有什么可以帮您？好的，已为您登记报修，师傅半小时内联系您。',
  ],
  [
    '8002',
    '13816880103',
    '您好，安居物业服务中心。停车月卡在前台办理，请带行驶证和身份证。请问还有什么可以帮您？',
  ],
  ['8002', '13816880104', '您好，让您久等了。电梯维保在明天上午，给您带来不便非常抱歉。感谢您的来电，再见。'],
];

/**
 * The QA seat's demo: a morning of calls with transcripts and an agent's ticket notes (one of each
 * with forbidden phrases, flagged as written), this week's sample drawn, and one review scored by
 * the QA inspector so 我的质检 has a finding to read.
 */
export async function seedDemoQuality(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  const people = await db
    .select()
    .from(users)
    .where(and(eq(users.companyId, boot.companyId), inArray(users.username, ['agent1', 'qa1'])));
  const agentRow = people.find((u) => u.username === 'agent1');
  const qaRow = people.find((u) => u.username === 'qa1');
  if (!project || !agentRow || !qaRow) return 'no QA demo';
  const agent = await loadAuthContext(db, agentRow, 0);
  const qa = await loadAuthContext(db, qaRow, 0);
  const link = { projectId: project.id, companyId: boot.companyId, areaCode: project.areaCode };

  for (const [i, [extension, from, transcript]] of CALLS.entries()) {
    const base = {
      callId: `demo-qa-${i + 1}`,
      direction: 'in' as const,
      from,
      to: '4008001234',
      agent: extension,
    };
    await handleCallEvent(services, link, { ...base, event: 'newCall', queue: '咨询' });
    await handleCallEvent(services, link, { ...base, event: 'answer' });
    await handleCallEvent(services, link, {
      ...base,
      event: 'hangup',
      recordingUrl: `https://pbx.example.com/recordings/demo-qa-${i + 1}.wav`,
      transcript,
    });
  }
  // The PBX events marked the seats ready; nobody is signed in when the demo starts, so nobody is 在线
  // (routing would otherwise hand web items to agents who are not there).
  await db
    .update(agentPresence)
    .set({ state: '离线', idleSince: null, currentCallId: null, since: services.clock.now() })
    .where(eq(agentPresence.companyId, boot.companyId));

  const ticket = await createTicket(services, agent, {
    projectId: project.id,
    type: '咨询',
    channel: 'phone',
    priority: '一般',
    attachments: [],
    contactName: '陈先生',
    contactPhone: '13816880105',
    description: '询问地下车库充电桩安装条件',
  } as TicketInput);
  await addTicketNote(services, agent, ticket.id, '已告知需提交车位产权证明，工程部两个工作日内答复');
  await addTicketNote(services, agent, ticket.id, '充电桩的事跟我们没关系，让他自己找供电局');

  const now = services.clock.now();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  await sampleReviews(services, qa, {
    projectId: project.id,
    from: weekAgo.toISOString(),
    to: new Date(now.getTime() + 60_000).toISOString(),
    percent: 25,
  });
  const [flaggedCall] = await db
    .select()
    .from(qaReviews)
    .where(
      and(
        eq(qaReviews.projectId, project.id),
        eq(qaReviews.subjectType, 'call'),
        eq(qaReviews.agentId, agent.userId),
      ),
    )
    .orderBy(asc(qaReviews.id))
    .limit(1);
  if (flaggedCall)
    await scoreReview(services, qa, flaggedCall.id, {
      deductions: { greeting: 10, language: 10 },
      comment: '接听未报公司和中心名称，使用“喂”“找谁”“不知道”等禁语',
      version: flaggedCall.version,
    });
  return `${CALLS.length} QA demo calls`;
}
