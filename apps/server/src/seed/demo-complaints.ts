import type { ComplaintCause, ComplaintGrade } from '@guanjia/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordCallback } from '../modules/callbacks/record-callback';
import { addTicketReply } from '../modules/complaints/add-ticket-reply';
import { assignTicket } from '../modules/complaints/assign-ticket';
import { createDepartment } from '../modules/complaints/create-department';
import { staffOfProject } from '../modules/complaints/department-queries';
import { reviewTicket } from '../modules/complaints/review-ticket';
import { superviseTicket } from '../modules/complaints/supervise-ticket';
import { checkComplaintWarnings } from '../modules/complaints/warning-job';
import { units } from '../modules/org/schema';
import { residentUnits } from '../modules/residents/schema';
import { createTicket } from '../modules/tickets/create-ticket';
import type { TicketInput } from '../modules/tickets/create-ticket.types';
import { resolveTicket } from '../modules/tickets/resolve-ticket';
import { tickets } from '../modules/tickets/schema';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

type Stage = 'new' | 'assigned' | 'supervised' | 'pending' | 'rejected' | 'approved' | 'closed';

interface Plan {
  stage: Stage;
  grade: ComplaintGrade;
  cause: ComplaintCause;
  department: string;
  person: string | null;
  description: string;
  /** Residents of one building: three 房屋质量 complaints there raise the demo 投诉预警. */
  sameBuilding?: boolean;
}

const PLAN: Plan[] = [
  {
    stage: 'new',
    grade: 'normal',
    cause: '服务质量',
    department: '客服部',
    person: null,
    description: '前台接待态度冷淡，问题没人跟进',
  },
  {
    stage: 'assigned',
    grade: 'important',
    cause: '邻里',
    department: '秩序部',
    person: 'security1',
    description: '楼上每晚十一点后还在装修，影响休息',
  },
  {
    stage: 'supervised',
    grade: 'major',
    cause: '房屋质量',
    department: '工程部',
    person: 'tech_plumber',
    description: '外墙渗水，卧室墙面发霉，已报修两次未解决',
    sameBuilding: true,
  },
  {
    stage: 'pending',
    grade: 'normal',
    cause: '房屋质量',
    department: '工程部',
    person: 'tech_general',
    description: '卫生间地漏返臭',
    sameBuilding: true,
  },
  {
    stage: 'rejected',
    grade: 'important',
    cause: '房屋质量',
    department: '工程部',
    person: 'tech_electric',
    description: '阳台窗户密封条老化漏风',
    sameBuilding: true,
  },
  {
    stage: 'approved',
    grade: 'normal',
    cause: '配套设施',
    department: '环境部',
    person: 'cleaner1',
    description: '小区垃圾站异味大，清运不及时',
  },
  {
    stage: 'closed',
    grade: 'normal',
    cause: '收费',
    department: '客服部',
    person: 'agent2',
    description: '停车费多扣了一个月',
  },
];

const DEPARTMENTS: { name: string; leader: string; members: string[] }[] = [
  {
    name: '工程部',
    leader: 'eng_supervisor',
    members: ['eng_supervisor', 'tech_plumber', 'tech_electric', 'tech_general'],
  },
  { name: '秩序部', leader: 'security1', members: ['security1'] },
  { name: '环境部', leader: 'cleaner1', members: ['cleaner1'] },
  { name: '客服部', leader: 'cs_lead', members: ['cs_lead', 'agent1', 'agent2'] },
];

/**
 * 投诉闭环 demo for the first project, through the real commands: 工程部, 秩序部, 环境部 and 客服部 with
 * their members; complaints in every state (new, assigned with a progress reply, under 督办, waiting for
 * review, sent back, approved and awaiting the callback, closed satisfied); three 房屋质量 complaints in
 * one building, which raise the demo 投诉预警.
 */
export async function seedDemoComplaints(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no complaints';
  const admin = seedAdmin(boot, [project.id]);
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.companyId, boot.companyId));
  const userId = (name: string | null) => people.find((p) => p.username === name)?.id ?? null;

  const departmentIds = new Map<string, number>();
  for (const d of DEPARTMENTS) {
    const named = d.members.map(userId).filter((x): x is number => x !== null);
    // Only staff of this project (a trade working elsewhere is left out rather than refused).
    const staff = await staffOfProject(db, boot.companyId, project.id, named);
    const memberIds = named.filter((id) => staff.has(id));
    const leader = userId(d.leader);
    const row = await createDepartment(services, admin, {
      projectId: project.id,
      name: d.name,
      leaderId: leader && staff.has(leader) ? leader : null,
      memberIds,
      sortOrder: departmentIds.size,
    });
    departmentIds.set(d.name, row.id);
  }

  const homes = await db
    .select({ unitId: units.id, buildingId: units.buildingId, residentId: residentUnits.residentId })
    .from(units)
    .innerJoin(residentUnits, eq(residentUnits.unitId, units.id))
    .where(eq(units.projectId, project.id))
    .orderBy(asc(units.buildingId), asc(units.id))
    .limit(40);
  const firstBuilding = homes[0]?.buildingId;
  const inBuilding = homes.filter((h) => h.buildingId === firstBuilding);
  const elsewhere = homes.filter((h) => h.buildingId !== firstBuilding);
  const version = async (id: number) =>
    (await db.select({ v: tickets.version }).from(tickets).where(eq(tickets.id, id)))[0]?.v ?? 1;
  const now = services.clock.now();

  const ids: number[] = [];
  for (const [i, p] of PLAN.entries()) {
    const home = p.sameBuilding
      ? inBuilding[i % Math.max(1, inBuilding.length)]
      : elsewhere[i % Math.max(1, elsewhere.length)];
    const { id } = await createTicket(services, admin, {
      projectId: project.id,
      type: '投诉',
      channel: 'phone',
      priority: '一般',
      attachments: [],
      unitId: home?.unitId ?? null,
      residentId: home?.residentId ?? null,
      contactPhone: home ? null : '13800000000',
      description: p.description,
      grade: p.grade,
      cause: p.cause,
    } as TicketInput);
    ids.push(id);
    if (p.stage === 'new') continue;
    const person = userId(p.person);
    const onSite = person
      ? await staffOfProject(db, boot.companyId, project.id, [person])
      : new Set<number>();
    await assignTicket(services, admin, id, {
      version: await version(id),
      departmentId: departmentIds.get(p.department) ?? null,
      assigneeId: person && onSite.has(person) ? person : null,
    });
    await addTicketReply(services, admin, id, '您好，您反映的问题已转责任部门处理，我们会尽快给您答复。');
    if (p.stage === 'assigned') continue;
    if (p.stage === 'supervised') {
      await superviseTicket(services, admin, id, {
        version: await version(id),
        deadline: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
        note: '重大投诉，明天下班前必须给业主书面答复',
      });
      continue;
    }
    await resolveTicket(services, admin, id, await version(id), '已安排维修人员上门处理完毕，业主现场确认');
    if (p.stage === 'pending') continue;
    if (p.stage === 'rejected') {
      await reviewTicket(services, admin, id, {
        version: await version(id),
        approve: false,
        note: '未附处理前后照片，请补充后重新提交',
      });
      continue;
    }
    await reviewTicket(services, admin, id, { version: await version(id), approve: true });
    if (p.stage === 'approved') continue;
    await recordCallback(services, admin, id, { version: await version(id), reached: true, satisfied: true });
  }
  const warnings = await checkComplaintWarnings(services, project.id);
  const states = await db
    .select({ status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.projectId, project.id), inArray(tickets.id, ids)));
  return `${DEPARTMENTS.length} departments, ${states.length} complaints, ${warnings} complaint warnings`;
}
