/**
 * The soak's people, one async function each, talking to the server only over HTTP: a phone call
 * (PBX events, the agent's intake, the desk's follow-up), a technician working an order, a resident in
 * the portal, a notice going through W-30. Pauses stand for people thinking; in the baseline they are
 * skipped and everything a flow sets off is awaited, so one request runs at a time.
 */

import type { Caller, Estate } from './soak-estate';
import type { Call, Kind } from './soak-http';

export interface FlowContext {
  call: Call;
  estate: Estate;
  /** Unique per run: PBX call ids, idempotency keys and texts never repeat an earlier run's. */
  run: string;
  random(): number;
  next(): number;
  pause(minMs: number, maxMs: number): Promise<void>;
  /** Work a flow sets off (a technician, a follow-up): beside it in the soak, awaited in the baseline. */
  follow(work: () => Promise<void>): Promise<void>;
  /** A failure that is not an HTTP answer (a code that never arrived). */
  fail(kind: Kind, message: string): void;
}

interface WorkOrderRow {
  id: number;
  status: string;
  technicianId: number | null;
}
interface TicketDetail {
  id: number;
  status: string;
  version: number;
  workOrders: WorkOrderRow[];
}

const HOTLINE = '4008001234';
const pick = <T>(ctx: FlowContext, list: readonly T[]): T =>
  list[Math.floor(ctx.random() * list.length)] as T;

/** An inbound call answered at a seat and written up as a ticket while the caller is on the line. */
export async function phoneCall(ctx: FlowContext): Promise<void> {
  const n = ctx.next();
  const caller = pick(ctx, ctx.estate.callers);
  const project = ctx.estate.projects.find((p) => p.id === caller.projectId);
  const agent = pick(ctx, ctx.estate.agents);
  if (!project) return;
  const callId = `soak-${ctx.run}-${n}`;
  const pbx = (event: 'newCall' | 'answer' | 'hangup') =>
    ctx.call<{ callId: number }>('PBX event', 'POST', '/api/telephony/events', {
      headers: { 'x-guanjia-token': project.pbxToken },
      body: { event, callId, direction: 'in', from: caller.mobile, to: HOTLINE, agent: agent.extension },
    });
  const rang = await pbx('newCall');
  if (!rang) return;
  await ctx.pause(2_000, 6_000);
  if (!(await pbx('answer'))) return;
  await ctx.pause(5_000, 20_000);

  const r = ctx.random();
  const type = r < 0.6 ? '报修' : r < 0.8 ? '咨询' : '投诉';
  const urgent = type === '报修' && ctx.random() < 0.3;
  // A third of the urgent repairs (one repair in ten) the agent leaves for the dispatcher: nobody takes
  // them, so their SLA timers fall due during the soak (the lateness figures).
  const forDispatcher = urgent && ctx.random() < 0.33;
  const answeredOnPhone = type === '咨询' && ctx.random() < 0.5;
  const categories = ctx.estate.categories;
  const ticket = await ctx.call<TicketDetail>('intake', 'POST', '/api/tickets', {
    token: agent.token,
    headers: { 'idempotency-key': callId },
    body: {
      projectId: project.id,
      type,
      priority: urgent ? '急' : '一般',
      residentId: caller.residentId,
      unitId: caller.unitId,
      contactPhone: caller.mobile,
      categoryId: pick(
        ctx,
        type === '报修' ? categories.repair : type === '投诉' ? categories.complaint : categories.enquiry,
      ),
      description: `${type === '报修' ? '厨房水管漏水，需要师傅上门' : type === '投诉' ? '对维修师傅的服务态度不满意' : '咨询物业费缴纳方式'}（soak ${n}）`,
      callId: rang.callId,
      ...(forDispatcher ? { workOrder: { autoDispatch: false } } : {}),
      ...(answeredOnPhone ? { answer: '已在电话中答复：可在物业前台或线上缴纳。' } : {}),
    },
  });
  await pbx('hangup');
  if (!ticket) return;
  await technicians(ctx, ticket.workOrders);
  await ctx.follow(() => deskFollowUp(ctx, agent.token, ticket.id, type, answeredOnPhone));
}

/** What the agent does with the ticket after the call: a note, the answer, the complaint's reply. */
async function deskFollowUp(ctx: FlowContext, token: string, id: number, type: string, answered: boolean) {
  await ctx.pause(5_000, 20_000);
  const fresh = () => ctx.call<TicketDetail>('reads', 'GET', `/api/tickets/${id}`, { token });
  const act = (action: string, body: unknown) =>
    ctx.call<TicketDetail>('ticket action', 'POST', `/api/tickets/${id}/${action}`, { token, body });
  if (type === '报修') {
    await act('notes', { note: '已告知住户维修师傅将上门，请保持电话畅通。' });
  } else if (type === '咨询' && !answered) {
    const t = await fresh();
    if (t) await act('answer', { version: t.version, answer: '已回电答复：物业费可在前台或线上缴纳。' });
  } else if (type === '投诉') {
    if (!(await act('notes', { note: '已联系工程部主管核实情况。' }))) return;
    await ctx.pause(5_000, 20_000);
    const t = await fresh();
    if (t) await act('resolve', { version: t.version, reply: '已向住户致歉并对师傅进行了服务培训。' });
  }
}

/** Every order an answer shows as handed to a technician is worked by him: accept, arrive, complete. */
async function technicians(ctx: FlowContext, orders: readonly WorkOrderRow[]) {
  for (const wo of orders)
    if (wo.status === '已派单' && wo.technicianId !== null) {
      const { id, technicianId } = wo;
      await ctx.follow(() => workOrder(ctx, id, technicianId));
    }
}

async function workOrder(ctx: FlowContext, id: number, technicianId: number) {
  const token = await ctx.estate.tokenOf(technicianId);
  if (!token) return;
  const steps: [action: string, minMs: number, maxMs: number][] = [
    ['accept', 3_000, 10_000],
    ['arrive', 10_000, 30_000],
    ['complete', 15_000, 40_000],
  ];
  for (const [action, minMs, maxMs] of steps) {
    await ctx.pause(minMs, maxMs);
    // The technician's app shows the order as it is now (its version) before he taps.
    const wo = await ctx.call<{ version: number }>('reads', 'GET', `/api/work-orders/${id}`, { token });
    if (!wo) return;
    const body =
      action === 'complete'
        ? { version: wo.version, result: '更换阀门，试水正常', materials: [{ item: '角阀', qty: 1 }] }
        : { version: wo.version };
    if (!(await ctx.call('work-order action', 'POST', `/api/work-orders/${id}/${action}`, { token, body })))
      return;
  }
}

/** A resident signs in to the portal with a one-time code and, now and then, reports a repair. */
export async function portalVisit(ctx: FlowContext, caller: Caller, report: boolean): Promise<void> {
  const n = ctx.next();
  const identity = { phone: caller.mobile, company: 'anju' };
  if (!(await ctx.call('portal login', 'POST', '/api/portal/auth/code', { body: identity }))) return;
  const code = await codeFor(ctx, caller.mobile);
  if (!code) {
    ctx.fail('portal login', 'no login code in the delivery log');
    return;
  }
  const session = await ctx.call<{ token: string }>('portal login', 'POST', '/api/portal/auth/login', {
    body: { ...identity, code },
  });
  if (!session) return;
  const me = await ctx.call<{ units: { id: number }[] }>('reads', 'GET', '/api/portal/me', {
    token: session.token,
  });
  const unit = me?.units[0];
  if (!report || !unit) return;
  await ctx.pause(5_000, 20_000);
  const ticket = await ctx.call<{ id: number }>('portal report', 'POST', '/api/portal/tickets', {
    token: session.token,
    body: {
      unitId: unit.id,
      type: '报修',
      categoryId: pick(ctx, ctx.estate.categories.repair),
      description: `卫生间水龙头一直滴水（soak ${ctx.run} ${n}）`,
    },
  });
  if (!ticket) return;
  const { id } = ticket;
  await ctx.follow(() => acceptReport(ctx, id));
}

/** The code as the `log` provider recorded it: what the demo reads in the console's delivery log. */
async function codeFor(ctx: FlowContext, mobile: string): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const log = await ctx.call<{ items: { recipient: string; body: string }[] }>(
      'reads',
      'GET',
      '/api/deliveries?sourceType=portal_code&pageSize=50',
      { token: ctx.estate.adminToken },
    );
    const hit = log?.items.find((d) => d.recipient.endsWith(mobile));
    const code = hit ? /验证码为(\d{6})/.exec(hit.body)?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

/** A portal report waits in 待受理 until an agent takes it (首问负责); its order then goes out. */
async function acceptReport(ctx: FlowContext, id: number) {
  await ctx.pause(10_000, 30_000);
  const { token } = pick(ctx, ctx.estate.agents);
  const t = await ctx.call<TicketDetail>('reads', 'GET', `/api/tickets/${id}`, { token });
  if (t?.status !== '待受理') return;
  const accepted = await ctx.call<TicketDetail>('ticket action', 'POST', `/api/tickets/${id}/accept`, {
    token,
    body: { version: t.version },
  });
  if (accepted) await technicians(ctx, accepted.workOrders);
}

/** A notice to one building through W-30: the agent drafts and submits, 班长 reviews, manager approves, sent. */
export async function noticeSend(ctx: FlowContext): Promise<void> {
  const n = ctx.next();
  const project = pick(ctx, ctx.estate.projects);
  const building = pick(ctx, project.buildingIds);
  const agent = ctx.estate.agents[0];
  if (!agent || building === undefined) return;
  const step = (path: string, token: string, body: unknown) =>
    ctx.call<{ id: number; version: number }>('notice send', 'POST', path, { token, body });
  const draft = await step('/api/notices', agent.token, {
    projectId: project.id,
    type: '一般通知',
    title: `二次供水水箱清洗通知（soak ${n}）`,
    body: '本楼栋将于明日9:00-12:00清洗二次供水水箱，期间水压可能偏低，请提前储水。',
    audience: { buildingIds: [building] },
    expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  if (!draft) return;
  const base = `/api/notices/${draft.id}`;
  const submitted = await step(`${base}/submit`, agent.token, { version: draft.version });
  if (!submitted) return;
  const reviewed = await step(`${base}/review`, ctx.estate.leadToken, {
    version: submitted.version,
    approve: true,
  });
  if (!reviewed) return;
  const approved = await step(`${base}/approve`, project.managerToken, {
    version: reviewed.version,
    approve: true,
  });
  if (!approved) return;
  await step(`${base}/publish`, agent.token, { version: approved.version });
}
