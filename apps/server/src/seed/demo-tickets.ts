import { uploadUrl } from '@guanjia/shared/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { recordCallback } from '../modules/callbacks/record-callback';
import { technicianCandidates } from '../modules/dispatch/candidates';
import { technicianStatus } from '../modules/dispatch/schema';
import { projects, units } from '../modules/org/schema';
import { residentUnits } from '../modules/residents/schema';
import { answerTicket } from '../modules/tickets/answer-ticket';
import { cancelTicket } from '../modules/tickets/cancel-ticket';
import { ensureCategoryTree, listCategories } from '../modules/tickets/categories';
import { createTicket } from '../modules/tickets/create-ticket';
import type { TicketInput } from '../modules/tickets/create-ticket.types';
import { tickets } from '../modules/tickets/schema';
import { createUpload } from '../modules/uploads/create-upload';
import { acceptWorkOrder } from '../modules/workorders/accept-work-order';
import { arriveWorkOrder } from '../modules/workorders/arrive-work-order';
import { completeWorkOrder } from '../modules/workorders/complete-work-order';
import { pauseWorkOrder } from '../modules/workorders/pause-work-order';
import { workOrders } from '../modules/workorders/schema';
import { startWorkOrder } from '../modules/workorders/start-work-order';
import { userActor } from '../platform/auth/actor';
import type { AuthContext } from '../platform/auth/context';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { seedAdmin } from './demo-context';

type Step =
  | 'new'
  | 'dispatched'
  | 'accepted'
  | 'arrived'
  | 'paused'
  | 'done'
  | 'closed'
  | 'dissatisfied'
  | 'cancelled';

/**
 * Demo tickets in every state for the first two projects, made through the real commands (so numbers,
 * clocks, hand-offs, events and notifications are all genuine): 待受理, 处理中 with work orders
 * 已派单/已接单/已到场/挂起, 待回访, 已关闭, reopened with a linked 投诉, 已取消, and an answered 咨询.
 */
export async function seedDemoTickets(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  await ensureCategoryTree(db, boot.companyId);
  const projectRows = await db
    .select()
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(asc(projects.id))
    .limit(2);
  const admin = seedAdmin(
    boot,
    projectRows.map((p) => p.id),
  );
  const categories = await listCategories(db, boot.companyId, admin.projectIds);
  const leaf = (path: string) => categories.find((c) => c.pathNames === path)?.id ?? null;
  let created = 0;
  for (const project of projectRows) {
    const techs = await technicianCandidates(db, boot.companyId, project.id, 5);
    for (const tech of techs) {
      await db
        .insert(technicianStatus)
        .values({ userId: tech.id, companyId: boot.companyId, onDuty: true, openCap: 20 })
        .onConflictDoUpdate({ target: technicianStatus.userId, set: { onDuty: true, openCap: 20 } });
    }
    const homes = await db
      .select({ unitId: units.id, residentId: residentUnits.residentId })
      .from(units)
      .innerJoin(residentUnits, eq(residentUnits.unitId, units.id))
      .where(eq(units.projectId, project.id))
      .orderBy(asc(units.id))
      .limit(12);
    const home = (i: number) => homes[i % Math.max(1, homes.length)];
    const plan: [Step, Partial<TicketInput>][] = [
      [
        'new',
        {
          type: '报修',
          channel: 'portal',
          categoryId: leaf('户内/电/插座无电'),
          description: '卧室插座没电了',
        },
      ],
      [
        'dispatched',
        {
          type: '报修',
          priority: '急',
          categoryId: leaf('户内/水/漏水'),
          description: '厨房水管漏水，水流到楼下',
        },
      ],
      ['accepted', { type: '报修', categoryId: leaf('户内/门窗/门锁损坏'), description: '入户门锁芯卡住' }],
      [
        'arrived',
        { type: '报修', categoryId: leaf('公共区域/供电照明/楼道灯不亮'), description: '12 楼楼道灯不亮' },
      ],
      ['paused', { type: '报修', categoryId: leaf('户内/水/马桶堵塞'), description: '马桶堵塞，需要换配件' }],
      ['done', { type: '报修', categoryId: leaf('户内/水/水龙头损坏'), description: '卫生间水龙头关不紧' }],
      ['closed', { type: '报修', categoryId: leaf('户内/墙面地面/墙皮脱落'), description: '客厅墙皮脱落' }],
      ['dissatisfied', { type: '报修', categoryId: leaf('户内/水/下水道堵塞'), description: '厨房下水慢' }],
      [
        'cancelled',
        { type: '报修', categoryId: leaf('户内/弱电/可视对讲故障'), description: '可视对讲没声音' },
      ],
      ['closed', { type: '咨询', categoryId: leaf('服务/业务咨询/物业费'), description: '物业费怎么交' }],
      ['new', { type: '投诉', categoryId: leaf('公共区域/秩序/噪音扰民'), description: '楼上晚上装修噪音' }],
    ];
    for (const [i, [step, input]] of plan.entries()) {
      const h = home(i);
      const { id } = await createTicket(services, admin, {
        projectId: project.id,
        channel: 'phone',
        priority: '一般',
        attachments: [],
        unitId: h?.unitId ?? null,
        residentId: h?.residentId ?? null,
        contactPhone: h ? null : '13800000000',
        type: '报修',
        description: '',
        ...input,
      } as TicketInput);
      created += 1;
      await advance(services, admin, id, step, input.type === '咨询');
    }
  }
  return `${created} demo tickets`;
}

async function advance(
  services: Services,
  admin: AuthContext,
  ticketId: number,
  step: Step,
  consultation: boolean,
) {
  const { db } = services.database;
  const ticketRow = async () => (await db.select().from(tickets).where(eq(tickets.id, ticketId)))[0]!;
  if (consultation) {
    await answerTicket(
      services,
      admin,
      ticketId,
      (await ticketRow()).version,
      '可在物业 APP、微信公众号或前台缴纳',
    );
    return;
  }
  if (step === 'cancelled') {
    await cancelTicket(services, admin, ticketId, (await ticketRow()).version, '业主已自行处理');
    return;
  }
  const order = async () =>
    (
      await db
        .select()
        .from(workOrders)
        .where(
          and(
            eq(workOrders.ticketId, ticketId),
            inArray(workOrders.status, ['已派单', '已接单', '已到场', '处理中']),
          ),
        )
    )[0];
  let wo = await order();
  if (!wo || step === 'new' || step === 'dispatched') return;
  await acceptWorkOrder(services, admin, wo.id, wo.version);
  wo = await order();
  if (!wo || step === 'accepted') return;
  await arriveWorkOrder(services, admin, wo.id, wo.version);
  wo = await order();
  if (!wo || step === 'arrived') return;
  if (step === 'paused') {
    await startWorkOrder(services, admin, wo.id, wo.version);
    wo = await order();
    if (!wo) return;
    await pauseWorkOrder(services, admin, wo.id, wo.version, '等配件');
    return;
  }
  // Closed jobs were signed for by the resident on the phone (Q40): the demo shows the signature and
  // a photo on the order and on its printed 派工单.
  const signed = step === 'closed' ? await demoSignature(services, admin, wo.projectId) : null;
  await completeWorkOrder(services, admin, wo.id, wo.version, {
    materials: [{ item: '配件', qty: 1, unit: '个', unitPrice: 15 }],
    result: '已修复',
    ...(signed ? { signature: signed.signature, photosAfter: [signed.photo] } : {}),
  });
  if (step !== 'closed' && step !== 'dissatisfied') return;
  await recordCallback(services, admin, ticketId, {
    version: (await ticketRow()).version,
    reached: true,
    satisfied: step === 'closed',
    scores: step === 'closed' ? { overall: 5, speed: 5, attitude: 5 } : { overall: 2, speed: 3, attitude: 3 },
    comment: step === 'closed' ? '师傅很专业' : '修完还是不行',
  });
}

/** A finger-drawn signature and an after-photo, stored as uploads like the technician's phone does. */
async function demoSignature(services: Services, admin: AuthContext, projectId: number) {
  const stroke =
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160"><path d="M20 110 C 80 20, 120 150, 170 70 S 260 40, 300 110 S 400 60, 460 90" stroke="#1a1a1a" stroke-width="5" fill="none" stroke-linecap="round"/></svg>';
  const png = await sharp(Buffer.from(stroke)).png().toBuffer();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c8d6cf' } })
    .jpeg()
    .toBuffer();
  const store = (file: Buffer, kind: 'photo' | 'signature') =>
    createUpload({
      ctx: services,
      actor: userActor(admin),
      file,
      kind,
      projectId,
      uploadedById: admin.userId,
      portalPhone: null,
    });
  return {
    signature: uploadUrl((await store(png, 'signature')).id),
    photo: uploadUrl((await store(photo, 'photo')).id),
  };
}
