import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_COMPANY_LEVEL, analyticsScopeCases } from '../../modules/analytics/testing/scope-cases';
import { assetListCases, assetRecordsOfB, assetScopeCases } from '../../modules/assets/testing/scope-cases';
import {
  type BillingOfB,
  billingExportCases,
  billingListCases,
  billingScopeCases,
  seedBillingOfB,
} from '../../modules/billing/testing/scope-cases';
import { complaintWarnings } from '../../modules/complaints/schema';
import { emergencyRecordsOfB, emergencyScopeCases } from '../../modules/emergencies/testing/scope-cases';
import {
  type FrontDeskOfB,
  frontDeskExportCases,
  frontDeskListCases,
  frontDeskRecordsOfB,
  frontDeskScopeCases,
} from '../../modules/facilities/testing/scope-cases';
import {
  DESK_GATE_ROUTES,
  type DeskRecordsOfB,
  deskExportCases,
  deskListCases,
  deskRecordsOfB,
  deskScopeCases,
  expectGateUnknown,
} from '../../modules/frontdesk/testing/scope-cases';
import { parseMail } from '../../modules/mail/parse-mail';
import { receiveMail } from '../../modules/mail/receive-mail';
import { portalBindingRequests } from '../../modules/portal/schema';
import {
  qualityExportCases,
  qualityListCases,
  qualityRecordsOfB,
  qualityScopeCases,
} from '../../modules/quality-inspections/testing/scope-cases';
import {
  SURVEY_COMPANY_LEVEL,
  type SurveyRecordsOfB,
  surveyExportCases,
  surveyListCases,
  surveyRecordsOfB,
  surveyScopeCases,
} from '../../modules/surveys/testing/scope-cases';
import { TRIAGE_COMPANY_LEVEL, triageScopeCases } from '../../modules/triage/testing/scope-cases';
import { paymentListCases, paymentScopeCases, paymentsOfB } from '../../testing/billing-scope';
import { collectionListCases, collectionScopeCases } from '../../testing/collection-scope';
import { postFile } from '../../testing/multipart';
import { expectListExcludes, expectOutOfScope, isPublic, type ScopeCase } from '../../testing/scope';
import {
  type EngineeringOpsOfB,
  engineeringOpsExportCases,
  engineeringOpsListCases,
  engineeringOpsScopeCases,
  seedEngineeringOpsOfB,
} from '../../testing/scope-engineering-ops';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let superA: string;
let b: Awaited<ReturnType<typeof seedTicketRecordsOfB>>;
let eng: EngineeringOpsOfB;
let payB: Awaited<ReturnType<typeof paymentsOfB>>;
let billingB: BillingOfB;
let deskB: DeskRecordsOfB;
let surveysB: SurveyRecordsOfB;
let frontDeskB: FrontDeskOfB;
beforeAll(async () => {
  t = await createTestServer();
  const admin = await t.login('admin');
  // Every permission, but only project A: whatever it reaches in B is a scope leak.
  const res = await t.request('POST', '/api/staff', {
    token: admin,
    body: {
      username: 'super_a',
      displayName: '全权甲',
      password: 'super-pass-1',
      roleIds: [t.fixture.roleIds.admin],
      projectIds: [t.fixture.projectA],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  superA = await t.login('super_a', 'super-pass-1');
  b = await seedTicketRecordsOfB(t, admin);
  eng = await seedEngineeringOpsOfB(t, admin);
  payB = await paymentsOfB(t, admin);
  billingB = await seedBillingOfB(t, admin);
  deskB = await deskRecordsOfB(t, admin);
  surveysB = await surveyRecordsOfB(t, admin);
  frontDeskB = await frontDeskRecordsOfB(t, admin);
});

/** Project B's ticket, work order, category, SLA policy and calendar: what super_a must never reach. */
async function seedTicketRecordsOfB(server: TestServer, admin: string) {
  const f = server.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json() as { id: number; workOrders?: { id: number }[] };
  };
  const ticket = await post('/api/tickets', {
    projectId: f.projectB,
    type: '报修',
    unitId: f.unitsB[0],
    description: '空调漏水',
  });
  const category = await post('/api/ticket-categories', { projectId: f.projectB, name: '乙方专属' });
  const policy = await post('/api/sla-policies', {
    projectId: f.projectB,
    name: '乙方',
    targets: { arrive: { minutes: 20, calendar: '24x7' } },
  });
  const day = [{ start: '09:00', end: '18:00' }];
  const calendar = await post('/api/calendars', {
    projectId: f.projectB,
    name: '乙方日历',
    weekdays: [day, day, day, day, day, [], []],
  });
  const rule = await server.request('PUT', '/api/dispatch-rules', {
    token: admin,
    body: { projectId: f.projectB, categoryId: category.id, mode: 'grab' },
  });
  expect(rule.statusCode, rule.body).toBe(200);
  const incident = await post('/api/incidents', {
    projectId: f.projectB,
    kind: '停电',
    emergency: true,
    title: '乙方停电',
    residentText: 'T1栋停电',
  });
  const notice = await post('/api/notices', {
    projectId: f.projectB,
    type: '一般通知',
    title: '乙方通知',
    body: 'x',
    urgent: true,
    expiresAt: new Date(server.clock.now().getTime() + 7 * 86_400_000).toISOString(),
  });
  const mass = await massMessagesOfB(server, admin);
  const { token } = (
    await server.request('POST', '/api/telephony/config/token', {
      token: admin,
      body: { projectId: f.projectB },
    })
  ).json() as { token: string };
  const call = await server.request('POST', '/api/telephony/events', {
    headers: { 'x-guanjia-token': token },
    body: { event: 'newCall', callId: 'b-1', direction: 'in', from: '13712345678', to: '4008001234' },
  });
  expect(call.statusCode, call.body).toBe(200);
  const blocked = await post('/api/telephony/blocked', { projectId: f.projectB, number: '13000000000' });
  const queue = await post('/api/queues', { projectId: f.projectB, name: '乙方人工' });
  const article = await post('/api/kb/articles', {
    projectId: f.projectB,
    category: '大厦',
    title: '乙方大厦访客登记',
    body: '访客在一楼大堂登记',
  });
  // A resident's binding request waiting at project B's desk (written as the portal would).
  const [binding] = await server.services.database.db
    .insert(portalBindingRequests)
    .values({
      companyId: f.companyId,
      projectId: f.projectB,
      unitId: f.unitsB[0]!,
      kind: 'bind',
      requesterPhone: '+8615000009999',
      name: '乙方住户',
      phone: '+8615000009999',
      relation: '租户',
    })
    .returning();
  const question = await post('/api/kb/questions', {
    projectId: f.projectB,
    ticketId: ticket.id,
    question: '乙方大厦快递柜坏了找谁修？',
  });
  const complaints = await complaintRecordsOfB(server, admin);
  const assets = await assetRecordsOfB(server, admin);
  return {
    ...complaints,
    ...assets,
    emergencies: await emergencyRecordsOfB(server, admin),
    quality: await qualityRecordsOfB(server, admin),
    binding: binding!.id,
    mailAttachment: await mailAttachmentOfB(server, admin),
    rule: (rule.json() as { id: number }).id,
    notice: notice.id,
    incident: incident.id,
    ...mass,
    ticket: ticket.id,
    workOrder: ticket.workOrders![0]!.id,
    category: category.id,
    policy: policy.id,
    calendar: calendar.id,
    call: (call.json() as { callId: number }).callId,
    blocked: blocked.id,
    queue: queue.id,
    article: article.id,
    question: question.id,
    upload: await uploadOfB(server, admin),
  };
}
/** A photo uploaded into project B: neither its image nor its thumbnail may reach A. */
async function uploadOfB(server: TestServer, admin: string): Promise<number> {
  const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  const res = await postFile(server, `/api/uploads?projectId=${server.fixture.projectB}`, admin, image);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

/** Project B's department, a complaint assigned to it under 督办, and a 投诉预警. */
async function complaintRecordsOfB(server: TestServer, admin: string) {
  const f = server.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json() as { id: number; version: number };
  };
  const department = await post('/api/departments', {
    projectId: f.projectB,
    name: '乙方工程部',
    memberIds: [f.users.manager_b],
  });
  const complaint = await post('/api/tickets', {
    projectId: f.projectB,
    type: '投诉',
    unitId: f.unitsB[0],
    description: '乙方噪音投诉',
    grade: 'important',
    cause: '邻里',
    departmentId: department.id,
  });
  const supervised = await post(`/api/tickets/${complaint.id}/supervise`, {
    version: complaint.version,
    deadline: new Date(server.clock.now().getTime() + 86_400_000).toISOString(),
    note: '乙方督办',
  });
  const supervisions = (
    await server.request('GET', `/api/supervisions?projectId=${f.projectB}`, { token: admin })
  ).json() as { items: { id: number; ticketId: number }[] };
  const [warning] = await server.services.database.db
    .insert(complaintWarnings)
    .values({
      companyId: f.companyId,
      projectId: f.projectB,
      rule: 'cluster',
      cause: '邻里',
      buildingId: f.buildingB,
      count: 3,
      windowStart: server.clock.now(),
      windowEnd: server.clock.now(),
      dedupeKey: 'cluster:邻里:b',
      createdAt: server.clock.now(),
    })
    .returning();
  return {
    department: department.id,
    complaint: supervised.id,
    supervision: supervisions.items.find((s) => s.ticketId === complaint.id)!.id,
    warning: warning!.id,
  };
}

/** Project B's own message template and a mass send held for approval (threshold 1 in B). */
async function massMessagesOfB(server: TestServer, admin: string) {
  const f = server.fixture;
  const template = await server.request('POST', '/api/message-templates', {
    token: admin,
    body: { projectId: f.projectB, code: 'b-water', kind: '短信', name: '乙方停水', body: '{小区}停水' },
  });
  expect(template.statusCode, template.body).toBe(201);
  const threshold = await server.request('PUT', '/api/settings/broadcasts.approvalThreshold', {
    token: admin,
    body: { projectId: f.projectB, value: 1 },
  });
  expect(threshold.statusCode, threshold.body).toBe(200);
  const held = await server.request('POST', '/api/incidents', {
    token: admin,
    body: { projectId: f.projectB, kind: '停电', emergency: false, title: '乙方检修', residentText: 'x' },
  });
  expect(held.statusCode, held.body).toBe(409);
  return {
    template: (template.json() as { id: number }).id,
    approval: (held.json() as { error: { details: { approvalId: number } } }).error.details.approvalId,
  };
}

/** Project B's mailbox takes in a mail with a file: the download must stay out of A's reach. */
async function mailAttachmentOfB(server: TestServer, admin: string): Promise<number> {
  const box = await server.request('PUT', '/api/mail/config', {
    token: admin,
    body: { projectId: server.fixture.projectB, address: 'kefu@b.guanjia.local' },
  });
  expect(box.statusCode, box.body).toBe(200);
  const raw = [
    'From: a@example.com',
    'To: kefu@b.guanjia.local',
    'Subject: B',
    'Message-ID: <b-1@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary=x',
    '',
    '--x',
    'Content-Type: text/plain',
    '',
    'leak',
    '--x',
    'Content-Type: text/plain; name=a.txt',
    'Content-Disposition: attachment; filename=a.txt',
    '',
    'secret',
    '--x--',
    '',
  ].join('\r\n');
  const { ticketId } = await receiveMail(server.services, await parseMail(Buffer.from(raw)), [
    'kefu@b.guanjia.local',
  ]);
  const ticket = await server.request('GET', `/api/tickets/${ticketId}`, { token: admin });
  const url = (ticket.json() as { attachments: { url: string }[] }).attachments[0]?.url ?? '';
  return Number(url.split('/').pop());
}

afterAll(async () => t?.close());

const fill = (url: string) =>
  url.replace(/:id/g, '1').replace(/:key/g, 'platform.timezone').replace(/\*$/, '');

/** Routes whose records are company-level (roles, the caller itself) rather than project data. */
const COMPANY_LEVEL = new Set([
  // The §3.8 plan templates are product content, the same for every project.
  'GET /api/maintenance-plans/templates',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'PATCH /api/auth/me',
  // The caller's own alert channels (someone else's: /api/staff/:id/channels).
  'GET /api/auth/me/channels',
  'PUT /api/auth/me/channels',
  'GET /api/roles',
  'POST /api/roles',
  'PATCH /api/roles/:id',
  'GET /api/permissions',
  'POST /api/projects',
  'GET /api/imports/template.xlsx',
  'GET /api/meter-readings/template.xlsx',
  // The caller's own notifications: per user, never another user's.
  'GET /api/notifications',
  'POST /api/notifications/:id/read',
  'POST /api/notifications/read-all',
  // The IVR editor's flow check: pure, reads no project data.
  'POST /api/ivr/validate',
  // The caller's own phone presence.
  'GET /api/agents/me/presence',
  'PUT /api/agents/me/presence',
  // Knowledge-base synonym groups: one vocabulary per company, no project data.
  'GET /api/kb/synonyms',
  'POST /api/kb/synonyms',
  'PUT /api/kb/synonyms/:id',
  'DELETE /api/kb/synonyms/:id',
  // The gate's worker-pass check reads only the caller's projects: another project's pass answers
  // 200 "unknown", like a made-up code (decoration.int.test.ts checks the verdicts).
  'POST /api/decorations/worker-passes/verify',
  // 智能分类: the company's model versions and urgent phrases.
  ...TRIAGE_COMPANY_LEVEL,
]);

/**
 * The resident portal answers only to portal sessions (a staff token is 401 there); which tickets and
 * notices a resident reaches is tested in modules/portal/portal.int.test.ts.
 */
const isPortal = (key: string) => key.includes(' /api/portal/');

function scopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const key = 'platform.timezone';
  return {
    ...engineeringOpsScopeCases(f, eng),
    'GET /api/projects/:id': [{ method: 'GET', url: `/api/projects/${f.projectB}` }],
    'PATCH /api/projects/:id': [
      { method: 'PATCH', url: `/api/projects/${f.projectB}`, body: { name: 'x', version: 1 } },
    ],
    'GET /api/buildings': [{ method: 'GET', url: `/api/buildings?projectId=${f.projectB}` }],
    'POST /api/buildings': [
      { method: 'POST', url: '/api/buildings', body: { projectId: f.projectB, code: '9', name: '9号楼' } },
    ],
    'GET /api/buildings/:id': [{ method: 'GET', url: `/api/buildings/${f.buildingB}` }],
    'PATCH /api/buildings/:id': [
      { method: 'PATCH', url: `/api/buildings/${f.buildingB}`, body: { name: 'x', version: 1 } },
    ],
    'POST /api/units': [
      { method: 'POST', url: '/api/units', body: { buildingId: f.buildingB, room: '9901' } },
    ],
    'GET /api/units/:id': [{ method: 'GET', url: `/api/units/${f.unitsB[0]}` }],
    'PATCH /api/units/:id': [
      { method: 'PATCH', url: `/api/units/${f.unitsB[0]}`, body: { status: '空置', version: 1 } },
    ],
    'POST /api/residents': [
      { method: 'POST', url: '/api/residents', body: { projectId: f.projectB, name: '越权' } },
    ],
    'GET /api/residents/:id': [{ method: 'GET', url: `/api/residents/${f.residentsB[0]}` }],
    'GET /api/residents/:id/overview': [{ method: 'GET', url: `/api/residents/${f.residentsB[0]}/overview` }],
    'POST /api/residents/:id/dial': [{ method: 'POST', url: `/api/residents/${f.residentsB[0]}/dial` }],
    'POST /api/residents/:id/notes': [
      { method: 'POST', url: `/api/residents/${f.residentsB[0]}/notes`, body: { note: '越权' } },
    ],
    'PATCH /api/residents/:id': [
      { method: 'PATCH', url: `/api/residents/${f.residentsB[0]}`, body: { notes: 'x', version: 1 } },
    ],
    'POST /api/staff': [
      {
        method: 'POST',
        url: '/api/staff',
        body: {
          username: 'leak_b',
          displayName: '越权',
          password: 'leak-pass-1',
          roleIds: [f.roleIds.agent],
          projectIds: [f.projectB],
        },
      },
    ],
    'GET /api/staff/:id': [{ method: 'GET', url: `/api/staff/${f.users.manager_b}` }],
    'PATCH /api/staff/:id': [
      { method: 'PATCH', url: `/api/staff/${f.users.manager_b}`, body: { displayName: 'x', version: 1 } },
    ],
    'POST /api/staff/:id/password': [
      { method: 'POST', url: `/api/staff/${f.users.manager_b}/password`, body: { password: 'hijacked-123' } },
    ],
    'GET /api/staff/:id/channels': [{ method: 'GET', url: `/api/staff/${f.users.manager_b}/channels` }],
    'PUT /api/staff/:id/channels': [
      { method: 'PUT', url: `/api/staff/${f.users.manager_b}/channels`, body: { channels: ['email'] } },
    ],
    'GET /api/delivery/webhook': [{ method: 'GET', url: `/api/delivery/webhook?projectId=${f.projectB}` }],
    'PUT /api/delivery/webhook': [
      {
        method: 'PUT',
        url: '/api/delivery/webhook',
        body: { projectId: f.projectB, url: 'https://leak.example.com/hook' },
      },
    ],
    'POST /api/delivery/webhook/secret': [
      { method: 'POST', url: '/api/delivery/webhook/secret', body: { projectId: f.projectB } },
    ],
    'GET /api/settings': [{ method: 'GET', url: `/api/settings?projectId=${f.projectB}` }],
    'PUT /api/settings/:key': [
      { method: 'PUT', url: `/api/settings/${key}`, body: { projectId: f.projectB, value: 'Asia/Tokyo' } },
    ],
    'DELETE /api/settings/:key': [{ method: 'DELETE', url: `/api/settings/${key}?projectId=${f.projectB}` }],
    // The project is checked before the upload is read; the cross-project import itself is tested in imports.
    ...ticketScopeCases(),
    ...collectionScopeCases(f),
    ...paymentScopeCases(t, payB),
    'POST /api/imports': [{ method: 'POST', url: `/api/imports?projectId=${f.projectB}`, body: {} }],
    'GET /api/imports/:id': [{ method: 'GET', url: '/api/imports/999999' }],
    'GET /api/imports/:id/errors.xlsx': [{ method: 'GET', url: '/api/imports/999999/errors.xlsx' }],
    ...assetScopeCases(f.projectB, b),
  };
}

function ticketScopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const v = { version: 1 };
  const ticket = (action: string, body: unknown): ScopeCase[] => [
    { method: 'POST', url: `/api/tickets/${b.ticket}/${action}`, body },
  ];
  const wo = (action: string, body: unknown): ScopeCase[] => [
    { method: 'POST', url: `/api/work-orders/${b.workOrder}/${action}`, body },
  ];
  const range = 'from=2020-01-01&to=2030-01-01';
  return {
    'POST /api/tickets': [
      {
        method: 'POST',
        url: '/api/tickets',
        body: { projectId: f.projectB, type: '咨询', description: 'x', contactPhone: '13712345678' },
      },
    ],
    'GET /api/tickets/:id': [{ method: 'GET', url: `/api/tickets/${b.ticket}` }],
    'GET /api/tickets/:id/events': [{ method: 'GET', url: `/api/tickets/${b.ticket}/events` }],
    'PATCH /api/tickets/:id': [
      { method: 'PATCH', url: `/api/tickets/${b.ticket}`, body: { ...v, reason: 'x', description: 'y' } },
    ],
    'POST /api/tickets/:id/accept': ticket('accept', v),
    'POST /api/tickets/:id/answer': ticket('answer', { ...v, answer: 'x' }),
    'POST /api/tickets/:id/resolve': ticket('resolve', v),
    'POST /api/tickets/:id/close': ticket('close', v),
    'POST /api/tickets/:id/cancel': ticket('cancel', { ...v, reason: 'x' }),
    'POST /api/tickets/:id/reopen': ticket('reopen', { ...v, reason: 'x' }),
    'POST /api/tickets/:id/notes': ticket('notes', { note: '不知道' }),
    'POST /api/tickets/:id/urge': ticket('urge', { note: '催一下' }),
    'POST /api/tickets/:id/dial': ticket('dial', undefined),
    'POST /api/tickets/:id/callback': ticket('callback', { ...v, reached: false }),
    'POST /api/tickets/:id/work-orders': ticket('work-orders', v),
    'POST /api/tickets/:id/assign': ticket('assign', { ...v, assigneeId: f.users.agent_a }),
    'POST /api/tickets/:id/supervise': ticket('supervise', {
      ...v,
      deadline: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      note: '越权督办',
    }),
    'POST /api/tickets/:id/replies': ticket('replies', { body: '越权回复' }),
    'POST /api/tickets/:id/review': ticket('review', { ...v, approve: true }),
    'POST /api/tickets/:id/overdue-cause': ticket('overdue-cause', { ...v, cause: 'x' }),
    'GET /api/departments/:id': [{ method: 'GET', url: `/api/departments/${b.department}` }],
    'POST /api/departments': [
      { method: 'POST', url: '/api/departments', body: { projectId: f.projectB, name: '越权部' } },
    ],
    'PATCH /api/departments/:id': [
      { method: 'PATCH', url: `/api/departments/${b.department}`, body: { ...v, name: 'x' } },
    ],
    'GET /api/complaints/summary': [
      { method: 'GET', url: `/api/complaints/summary?projectId=${f.projectB}` },
    ],
    'GET /api/complaints/today': [{ method: 'GET', url: `/api/complaints/today?projectId=${f.projectB}` }],
    'GET /api/complaints/overdue-week': [
      { method: 'GET', url: `/api/complaints/overdue-week?projectId=${f.projectB}` },
    ],
    'POST /api/ticket-categories': [
      { method: 'POST', url: '/api/ticket-categories', body: { projectId: f.projectB, name: '越权' } },
    ],
    'PATCH /api/ticket-categories/:id': [
      { method: 'PATCH', url: `/api/ticket-categories/${b.category}`, body: { name: 'x', version: 1 } },
    ],
    'GET /api/work-orders/:id': [{ method: 'GET', url: `/api/work-orders/${b.workOrder}` }],
    'GET /api/work-orders/:id/print.pdf': [
      { method: 'GET', url: `/api/work-orders/${b.workOrder}/print.pdf` },
    ],
    'GET /api/work-orders/print.pdf': [
      { method: 'GET', url: `/api/work-orders/print.pdf?ids=${b.workOrder}` },
      {
        method: 'GET',
        url: `/api/work-orders/print.pdf?projectId=${f.projectB}&from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`,
      },
    ],
    'POST /api/uploads': [{ method: 'POST', url: `/api/uploads?projectId=${f.projectB}`, body: {} }],
    'GET /api/uploads/:id': [{ method: 'GET', url: `/api/uploads/${b.upload}` }],
    'GET /api/uploads/:id/thumb': [{ method: 'GET', url: `/api/uploads/${b.upload}/thumb` }],
    'GET /api/work-orders/:id/candidates': [
      { method: 'GET', url: `/api/work-orders/${b.workOrder}/candidates` },
    ],
    'POST /api/work-orders/:id/dispatch': wo('dispatch', v),
    'POST /api/work-orders/:id/grab': wo('grab', v),
    'POST /api/work-orders/:id/accept': wo('accept', v),
    'POST /api/work-orders/:id/arrive': wo('arrive', v),
    'POST /api/work-orders/:id/start': wo('start', v),
    'POST /api/work-orders/:id/pause': wo('pause', { ...v, reason: 'x' }),
    'POST /api/work-orders/:id/resume': wo('resume', v),
    'POST /api/work-orders/:id/complete': wo('complete', v),
    'POST /api/work-orders/:id/return': wo('return', { ...v, reason: 'x' }),
    'POST /api/work-orders/:id/transfer': wo('transfer', { ...v, technicianId: f.users.tech_b }),
    'POST /api/work-orders/:id/cancel': wo('cancel', { ...v, reason: 'x' }),
    'GET /api/technicians': [{ method: 'GET', url: `/api/technicians?projectId=${f.projectB}` }],
    'PUT /api/technicians/:id/duty': [
      { method: 'PUT', url: `/api/technicians/${f.users.tech_b}/duty`, body: { onDuty: true } },
    ],
    'GET /api/dispatch-rules': [{ method: 'GET', url: `/api/dispatch-rules?projectId=${f.projectB}` }],
    'PUT /api/dispatch-rules': [
      { method: 'PUT', url: '/api/dispatch-rules', body: { projectId: f.projectB, mode: 'grab' } },
    ],
    'DELETE /api/dispatch-rules/:id': [{ method: 'DELETE', url: `/api/dispatch-rules/${b.rule}?version=1` }],
    'GET /api/sla-policies': [{ method: 'GET', url: `/api/sla-policies?projectId=${f.projectB}` }],
    'POST /api/sla-policies': [
      { method: 'POST', url: '/api/sla-policies', body: { projectId: f.projectB, name: 'x', targets: {} } },
    ],
    'PUT /api/sla-policies/:id': [
      { method: 'PUT', url: `/api/sla-policies/${b.policy}`, body: { name: 'x', version: 1 } },
    ],
    'GET /api/calendars': [{ method: 'GET', url: `/api/calendars?projectId=${f.projectB}` }],
    'POST /api/calendars': [
      {
        method: 'POST',
        url: '/api/calendars',
        body: { projectId: f.projectB, name: 'x', always: true, weekdays: [[], [], [], [], [], [], []] },
      },
    ],
    'GET /api/calendars/:id': [{ method: 'GET', url: `/api/calendars/${b.calendar}` }],
    'PUT /api/calendars/:id': [
      { method: 'PUT', url: `/api/calendars/${b.calendar}`, body: { name: 'x', version: 1 } },
    ],
    'DELETE /api/calendars/:id': [{ method: 'DELETE', url: `/api/calendars/${b.calendar}?version=1` }],
    ...telephonyScopeCases(),
    ...mailScopeCases(),
    'GET /api/reports/sla': [{ method: 'GET', url: `/api/reports/sla?projectId=${f.projectB}&${range}` }],
    'GET /api/home/today': [{ method: 'GET', url: `/api/home/today?projectId=${f.projectB}` }],
    ...incidentScopeCases(),
    ...emergencyScopeCases(t.fixture, b.emergencies),
    ...qualityScopeCases(t.fixture, b.quality),
    ...analyticsScopeCases(t.fixture),
    ...triageScopeCases(t.fixture, b.ticket),
    ...billingScopeCases(t, billingB),
    ...deskScopeCases(t.fixture, deskB),
    ...surveyScopeCases(t.fixture, surveysB),
    ...frontDeskScopeCases(t.fixture, frontDeskB),
  };
}

function incidentScopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const i = `/api/incidents/${b.incident}`;
  return {
    'POST /api/incidents': [
      {
        method: 'POST',
        url: '/api/incidents',
        body: { projectId: f.projectB, kind: '停水', emergency: true, title: 'x', residentText: 'x' },
      },
    ],
    'GET /api/incidents/:id': [{ method: 'GET', url: i }],
    'PATCH /api/incidents/:id': [{ method: 'PATCH', url: i, body: { title: 'x', version: 1 } }],
    'POST /api/incidents/:id/resolve': [{ method: 'POST', url: `${i}/resolve`, body: { version: 1 } }],
    'POST /api/incidents/:id/tickets': [
      { method: 'POST', url: `${i}/tickets`, body: { ticketIds: [b.ticket] } },
    ],
    'GET /api/incidents/:id/tickets': [{ method: 'GET', url: `${i}/tickets` }],
    'GET /api/incidents/:id/candidates': [{ method: 'GET', url: `${i}/candidates` }],
    'GET /api/incidents/:id/deliveries': [{ method: 'GET', url: `${i}/deliveries` }],
    'POST /api/incidents/preview': [
      {
        method: 'POST',
        url: '/api/incidents/preview',
        body: { projectId: f.projectB, kind: '停水', emergency: false, title: 'x', residentText: 'x' },
      },
    ],
    'POST /api/incidents/:id/cancel': [{ method: 'POST', url: `${i}/cancel`, body: { version: 1 } }],
    ...massMessageScopeCases(),
    'GET /api/incidents/active': [{ method: 'GET', url: `/api/incidents/active?unitId=${f.unitsB[0]}` }],
    'GET /api/reports/incidents': [
      { method: 'GET', url: `/api/reports/incidents?projectId=${f.projectB}&from=2020-01-01&to=2030-01-01` },
    ],
    ...noticeScopeCases(),
  };
}

function massMessageScopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const tpl = `/api/message-templates/${b.template}`;
  const a = `/api/broadcast-approvals/${b.approval}`;
  return {
    'POST /api/notices/:id/preview': [{ method: 'POST', url: `/api/notices/${b.notice}/preview` }],
    'POST /api/notices/:id/approve-publish': [
      { method: 'POST', url: `/api/notices/${b.notice}/approve-publish`, body: { version: 1 } },
    ],
    'POST /api/message-templates': [
      {
        method: 'POST',
        url: '/api/message-templates',
        body: { projectId: f.projectB, code: 'x', kind: '短信', name: 'x', body: 'x' },
      },
    ],
    'GET /api/message-templates/:id': [{ method: 'GET', url: tpl }],
    'PATCH /api/message-templates/:id': [{ method: 'PATCH', url: tpl, body: { version: 1, name: 'x' } }],
    'DELETE /api/message-templates/:id': [{ method: 'DELETE', url: `${tpl}?version=1` }],
    'GET /api/broadcast-approvals/:id': [{ method: 'GET', url: a }],
    'POST /api/broadcast-approvals/:id/decide': [
      { method: 'POST', url: `${a}/decide`, body: { version: 1, approve: true } },
    ],
  };
}

function noticeScopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const n = `/api/notices/${b.notice}`;
  const v = { version: 1 };
  return {
    'POST /api/notices': [
      {
        method: 'POST',
        url: '/api/notices',
        body: {
          projectId: f.projectB,
          type: '一般通知',
          title: 'x',
          body: 'x',
          expiresAt: '2030-01-01T00:00:00Z',
        },
      },
    ],
    'GET /api/notices/:id': [{ method: 'GET', url: n }],
    'PATCH /api/notices/:id': [{ method: 'PATCH', url: n, body: { title: 'x', version: 1 } }],
    'POST /api/notices/:id/submit': [{ method: 'POST', url: `${n}/submit`, body: v }],
    'POST /api/notices/:id/review': [{ method: 'POST', url: `${n}/review`, body: { ...v, approve: true } }],
    'POST /api/notices/:id/approve': [{ method: 'POST', url: `${n}/approve`, body: { ...v, approve: true } }],
    'POST /api/notices/:id/publish': [{ method: 'POST', url: `${n}/publish`, body: v }],
    'POST /api/notices/:id/withdraw': [{ method: 'POST', url: `${n}/withdraw`, body: v }],
    'GET /api/notices/:id/deliveries': [{ method: 'GET', url: `${n}/deliveries` }],
    'POST /api/portal-bindings/:id/approve': [
      { method: 'POST', url: `/api/portal-bindings/${b.binding}/approve`, body: v },
    ],
    'POST /api/portal-bindings/:id/reject': [
      { method: 'POST', url: `/api/portal-bindings/${b.binding}/reject`, body: { ...v, reason: '越权驳回' } },
    ],
  };
}

function mailScopeCases(): Record<string, ScopeCase[]> {
  const pB = t.fixture.projectB;
  return {
    'GET /api/mail/config': [{ method: 'GET', url: `/api/mail/config?projectId=${pB}` }],
    'PUT /api/mail/config': [
      { method: 'PUT', url: '/api/mail/config', body: { projectId: pB, address: 'x@b.example.com' } },
    ],
    'GET /api/tickets/:id/emails': [{ method: 'GET', url: `/api/tickets/${b.ticket}/emails` }],
    'POST /api/tickets/:id/email-replies': [
      { method: 'POST', url: `/api/tickets/${b.ticket}/email-replies`, body: { body: 'x' } },
    ],
    'GET /api/mail/attachments/:id': [{ method: 'GET', url: `/api/mail/attachments/${b.mailAttachment}` }],
  };
}

function telephonyScopeCases(): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const pB = f.projectB;
  return {
    'GET /api/telephony/lookup': [
      { method: 'GET', url: `/api/telephony/lookup?number=13712345678&projectId=${pB}` },
    ],
    'GET /api/calls/:id': [{ method: 'GET', url: `/api/calls/${b.call}` }],
    'GET /api/calls/:id/caller': [{ method: 'GET', url: `/api/calls/${b.call}/caller` }],
    'POST /api/calls/:id/tickets': [
      { method: 'POST', url: `/api/calls/${b.call}/tickets`, body: { ticketId: b.ticket } },
    ],
    'POST /api/telephony/dial': [
      { method: 'POST', url: '/api/telephony/dial', body: { projectId: pB, number: '13712345678' } },
    ],
    'GET /api/telephony/config': [{ method: 'GET', url: `/api/telephony/config?projectId=${pB}` }],
    'PUT /api/telephony/config': [
      { method: 'PUT', url: '/api/telephony/config', body: { projectId: pB, dialUrl: null, version: 1 } },
    ],
    'POST /api/telephony/config/token': [
      { method: 'POST', url: '/api/telephony/config/token', body: { projectId: pB } },
    ],
    'POST /api/telephony/blocked': [
      { method: 'POST', url: '/api/telephony/blocked', body: { projectId: pB, number: '13100000000' } },
    ],
    'DELETE /api/telephony/blocked/:id': [{ method: 'DELETE', url: `/api/telephony/blocked/${b.blocked}` }],
    'POST /api/queues': [{ method: 'POST', url: '/api/queues', body: { projectId: pB, name: '越权' } }],
    'PATCH /api/queues/:id': [
      { method: 'PATCH', url: `/api/queues/${b.queue}`, body: { name: 'x', version: 1 } },
    ],
    'GET /api/wallboard': [{ method: 'GET', url: `/api/wallboard?projectId=${pB}` }],
    'GET /api/kb/articles/:id': [{ method: 'GET', url: `/api/kb/articles/${b.article}` }],
    'GET /api/kb/articles/:id/versions': [{ method: 'GET', url: `/api/kb/articles/${b.article}/versions` }],
    'PATCH /api/kb/articles/:id': [
      { method: 'PATCH', url: `/api/kb/articles/${b.article}`, body: { title: '越权修改', version: 1 } },
    ],
    'POST /api/kb/articles/:id/vote': [
      { method: 'POST', url: `/api/kb/articles/${b.article}/vote`, body: { helpful: true } },
    ],
    'POST /api/kb/articles/:id/use': [{ method: 'POST', url: `/api/kb/articles/${b.article}/use` }],
    'POST /api/kb/articles/:id/publish': [
      { method: 'POST', url: `/api/kb/articles/${b.article}/publish`, body: { version: 1 } },
    ],
    'POST /api/kb/articles/:id/unpublish': [
      { method: 'POST', url: `/api/kb/articles/${b.article}/unpublish`, body: { version: 1 } },
    ],
    'GET /api/kb/categories': [{ method: 'GET', url: `/api/kb/categories?projectId=${pB}` }],
    'POST /api/kb/articles': [
      {
        method: 'POST',
        url: '/api/kb/articles',
        body: { projectId: pB, category: 'x', title: '越权文章', body: 'x' },
      },
    ],
    'POST /api/kb/questions': [
      { method: 'POST', url: '/api/kb/questions', body: { projectId: pB, question: '越权提问' } },
    ],
    'GET /api/kb/questions/:id': [{ method: 'GET', url: `/api/kb/questions/${b.question}` }],
    'POST /api/kb/questions/:id/answer': [
      {
        method: 'POST',
        url: `/api/kb/questions/${b.question}/answer`,
        body: { answer: '越权答复', version: 1 },
      },
    ],
    'POST /api/kb/questions/:id/publish': [
      {
        method: 'POST',
        url: `/api/kb/questions/${b.question}/publish`,
        body: { category: '大厦', version: 1 },
      },
    ],
    'POST /api/kb/articles/from-ticket': [
      { method: 'POST', url: '/api/kb/articles/from-ticket', body: { ticketId: b.ticket, category: 'x' } },
    ],
    'POST /api/qa/sample': [
      {
        method: 'POST',
        url: '/api/qa/sample',
        body: { projectId: pB, from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
      },
    ],
    'POST /api/qa/reviews/:id/score': [
      { method: 'POST', url: '/api/qa/reviews/999999/score', body: { deductions: {}, version: 1 } },
    ],
    'POST /api/qa/reviews/:id/appeal': [
      { method: 'POST', url: '/api/qa/reviews/999999/appeal', body: { reason: 'x', version: 1 } },
    ],
    'GET /api/qa/plan': [{ method: 'GET', url: `/api/qa/plan?projectId=${pB}` }],
    'PUT /api/qa/plan': [
      {
        method: 'PUT',
        url: '/api/qa/plan',
        body: { projectId: pB, samplePercent: 5, checklist: [{ key: 'x', label: 'x', weight: 10 }] },
      },
    ],
    'GET /api/qa/monthly': [{ method: 'GET', url: `/api/qa/monthly?projectId=${pB}&month=2026-03` }],
    'GET /api/scripts': [{ method: 'GET', url: `/api/scripts?projectId=${pB}` }],
    'POST /api/scripts/check': [
      { method: 'POST', url: '/api/scripts/check', body: { projectId: pB, text: '不知道' } },
    ],
    'GET /api/kb/suggest': [{ method: 'GET', url: `/api/kb/suggest?projectId=${pB}&text=访客登记` }],
    'GET /api/ivr/flows/:id': [{ method: 'GET', url: `/api/ivr/flows/${pB}` }],
    'PUT /api/ivr/flows/:id': [
      { method: 'PUT', url: `/api/ivr/flows/${pB}`, body: { flow: {}, version: 1 } },
    ],
    'POST /api/ivr/flows/:id/simulate': [{ method: 'POST', url: `/api/ivr/flows/${pB}/simulate`, body: {} }],
    'PUT /api/telephony/extensions/:id': [
      { method: 'PUT', url: `/api/telephony/extensions/${f.users.manager_b}`, body: { extension: '8009' } },
    ],
  };
}

function listCases(): Record<string, [string, number[]]> {
  const f = t.fixture;
  return {
    ...engineeringOpsListCases(eng),
    ...paymentListCases(payB),
    ...deskListCases(deskB),
    'GET /api/projects': ['/api/projects', [f.projectB]],
    'GET /api/estate/tree': ['/api/estate/tree', [f.projectB]],
    'GET /api/units': [`/api/units?projectId=${f.projectB}&pageSize=200`, f.unitsB],
    'GET /api/residents': [`/api/residents?projectId=${f.projectB}`, f.residentsB],
    'GET /api/staff': ['/api/staff?pageSize=200', [f.users.manager_b, f.users.admin]],
    // Names of the staff acting in A (company-wide ones included), never B's own.
    'GET /api/staff/names': ['/api/staff/names', [f.users.manager_b, f.users.tech_b]],
    'GET /api/events': [`/api/events?entityType=resident&pageSize=200`, []],
    'GET /api/imports': [`/api/imports?projectId=${t.fixture.projectB}`, []],
    'GET /api/tickets': ['/api/tickets?pageSize=200', [b.ticket]],
    'GET /api/emergencies': ['/api/emergencies?pageSize=200', [b.emergencies.emergency]],
    'GET /api/work-orders': ['/api/work-orders?pageSize=200', [b.workOrder]],
    'GET /api/ticket-categories': ['/api/ticket-categories', [b.category]],
    'GET /api/callbacks': ['/api/callbacks?pageSize=200', []],
    'GET /api/incidents': ['/api/incidents?pageSize=200', [b.incident]],
    'GET /api/notices': ['/api/notices?pageSize=200', [b.notice]],
    'GET /api/message-templates': ['/api/message-templates', [b.template]],
    'GET /api/broadcast-approvals': ['/api/broadcast-approvals?pageSize=200', [b.approval]],
    'GET /api/deliveries': ['/api/deliveries?pageSize=200', []],
    'GET /api/calls': ['/api/calls?pageSize=200', [b.call]],
    'GET /api/telephony/blocked': ['/api/telephony/blocked?pageSize=200', [b.blocked]],
    'GET /api/telephony/extensions': ['/api/telephony/extensions?pageSize=200', [f.users.manager_b]],
    'GET /api/queues': ['/api/queues?pageSize=200', [b.queue]],
    'GET /api/kb/articles': ['/api/kb/articles?pageSize=200', [b.article]],
    'GET /api/kb/questions': ['/api/kb/questions?pageSize=200', [b.question]],
    'GET /api/qa/reviews': ['/api/qa/reviews?pageSize=200', []],
    'GET /api/qa/flags': ['/api/qa/flags?pageSize=200', []],
    'GET /api/portal-bindings': ['/api/portal-bindings?pageSize=200', [b.binding]],
    'GET /api/departments': ['/api/departments?all=true', [b.department]],
    'GET /api/complaints': ['/api/complaints?pageSize=200', [b.complaint]],
    'GET /api/complaints/warnings': ['/api/complaints/warnings?all=true', [b.warning]],
    'GET /api/supervisions': ['/api/supervisions?pageSize=200&state=all', [b.supervision]],
    ...assetListCases(b),
    ...qualityListCases(b.quality),
    ...collectionListCases(),
    ...billingListCases(t, billingB),
    ...surveyListCases(surveysB),
    ...frontDeskListCases(t.fixture, frontDeskB),
  };
}

/** Spreadsheet exports of the lists above: filtered to another project they must be empty. */
function exportCases(): Record<string, string> {
  const f = t.fixture;
  return {
    ...engineeringOpsExportCases(f),
    'GET /api/residents/export.xlsx': `/api/residents/export.xlsx?projectId=${f.projectB}`,
    'GET /api/units/export.xlsx': `/api/units/export.xlsx?projectId=${f.projectB}`,
    'GET /api/staff/export.xlsx': `/api/staff/export.xlsx?projectId=${f.projectB}`,
    ...billingExportCases(t),
    ...deskExportCases(f),
    ...surveyExportCases(f),
    ...qualityExportCases(f),
    ...frontDeskExportCases(f),
  };
}

describe('every route', () => {
  it('requires a session unless it is public', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !isPublic(r.method, r.url));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await t.request(r.method, fill(r.url), {
        body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('is covered by a scope case (new routes must add one here)', () => {
    const covered = new Set([
      ...Object.keys(scopeCases()),
      ...Object.keys(listCases()),
      ...Object.keys(exportCases()),
      ...COMPANY_LEVEL,
      ...DESK_GATE_ROUTES,
      ...SURVEY_COMPANY_LEVEL,
      ...ANALYTICS_COMPANY_LEVEL,
    ]);
    const missing = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !isPublic(r.method, r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !covered.has(k) && !isPortal(k));
    expect(missing).toEqual([]);
  });

  it('never reaches another project: 404 for records, absent from lists', async () => {
    for (const cases of Object.values(scopeCases())) await expectOutOfScope(t, superA, cases);
    for (const [url, ids] of Object.values(listCases())) await expectListExcludes(t, superA, url, ids);
    await expectGateUnknown(t, superA, deskB);
    for (const url of Object.values(exportCases())) {
      const res = await t.request('GET', url, { token: superA });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['x-total-count'], url).toBe('0');
    }
    const tree = (await t.request('GET', '/api/estate/tree', { token: superA })).json() as {
      items: { id: number }[];
    };
    expect(tree.items.map((p) => p.id)).toEqual([t.fixture.projectA]);
    const events = (await t.request('GET', '/api/events?pageSize=200', { token: superA })).json() as {
      items: { projectId: number | null }[];
    };
    expect(events.items.some((e) => e.projectId === t.fixture.projectB)).toBe(false);
    // Project B's incident queued deliveries to its residents: none of them shows in A's delivery log.
    const log = (await t.request('GET', '/api/deliveries?pageSize=200', { token: superA })).json() as {
      items: { projectId: number }[];
    };
    expect(log.items.some((d) => d.projectId === t.fixture.projectB)).toBe(false);
    const all = (
      await t.request('GET', '/api/deliveries?pageSize=200', { token: await t.login('admin') })
    ).json() as {
      items: { projectId: number }[];
    };
    expect(all.items.some((d) => d.projectId === t.fixture.projectB)).toBe(true);
  });

  it('checks permissions: a technician cannot write residents or read staff', async () => {
    const tech = await t.login('tech_a');
    const write = await t.request('POST', '/api/residents', {
      token: tech,
      body: { projectId: t.fixture.projectA, name: '甲' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({
      error: { code: 'forbidden', details: { permission: 'residents.write' } },
    });
    expect((await t.request('GET', '/api/staff', { token: tech })).statusCode).toBe(403);
  });
});

describe('bad input never yields a 500', () => {
  it('malformed JSON, wrong types, missing fields, unknown routes, oversized bodies', async () => {
    const token = await t.login('admin');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"name": "张三",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });

    const wrongType = await t.request('POST', '/api/residents', {
      token,
      body: { projectId: 'abc', name: 42 },
    });
    expect(wrongType.statusCode).toBe(400);
    const err = wrongType.json() as { error: { code: string; details: { path: string }[] } };
    expect(err.error.code).toBe('validation_failed');
    expect(err.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.projectId', 'body.name']),
    );

    const missing = await t.request('POST', '/api/units', { token, body: {} });
    expect(missing.statusCode).toBe(400);

    const badQuery = await t.request('GET', '/api/residents?page=-1&pageSize=100000', { token });
    expect(badQuery.statusCode).toBe(400);

    const badId = await t.request('GET', '/api/residents/not-a-number', { token });
    expect(badId.statusCode).toBe(400);

    const unknown = await t.request('GET', '/api/nothing-here', { token });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ projectId: 1, name: 'x', notes: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const wrongMedia = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      payload: 'hello',
    });
    expect(wrongMedia.statusCode).toBe(415);

    const duplicate = await t.request('POST', '/api/buildings', {
      token,
      body: { projectId: t.fixture.projectA, code: '1', name: '重复' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: { code: 'duplicate' } });
  });
});

describe('system', () => {
  it('health reports the engine and version', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: t.services.database.kind, version: 'test' });
  });

  it('publishes OpenAPI and a docs UI', async () => {
    const spec = (await t.request('GET', '/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/residents', '/api/residents/{id}', '/api/auth/login']),
    );
    const docs = await t.request('GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('moves the test clock when enabled', async () => {
    const before = t.clock.now().getTime();
    const res = await t.request('POST', '/api/test/clock', { body: { advanceMinutes: 30 } });
    expect(res.statusCode).toBe(200);
    expect(new Date((res.json() as { now: string }).now).getTime() - before).toBeGreaterThanOrEqual(
      30 * 60_000,
    );
    const set = await t.request('POST', '/api/test/clock', { body: { set: '2026-12-01T09:00:00+08:00' } });
    expect((set.json() as { now: string }).now).toBe('2026-12-01T01:00:00.000Z');
    expect((await t.request('POST', '/api/test/clock', { body: { advanceMinutes: 'x' } })).statusCode).toBe(
      400,
    );
  });
});

describe('without GUANJIA_TEST_CLOCK', () => {
  it('has no clock route', async () => {
    const { buildApp } = await import('../../app');
    const services = { ...t.services, testClock: undefined };
    const app = await buildApp(services);
    const res = await app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMinutes: 5 } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    await app.close();
  });
});
