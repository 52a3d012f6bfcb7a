import {
  complaintOverdueWeekSchema,
  complaintPageSchema,
  complaintSummarySchema,
  complaintTodaySchema,
  complaintWarningListSchema,
  supervisionPageSchema,
  ticketDetailSchema,
} from '@guanjia/shared/api';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam, offsetOf, queryBool } from '../../platform/http/pagination';
import { projects } from '../org/schema';
import { ticketDetail } from '../tickets/detail';
import { addTicketReply } from './add-ticket-reply';
import { assignTicket } from './assign-ticket';
import { departmentRoutes } from './department-routes';
import { complaintListQuery, overdueWeekQuery, projectQuery, supervisionListQuery } from './inputs';
import { EXPORT_ROW_CAP, sendLedgerXlsx } from './ledger-export';
import { complaintFilters, countComplaints, ledgerRows, presentLedger } from './ledger-queries';
import { recordOverdueCause } from './record-overdue-cause';
import { complaintOverdueWeek, complaintSummary, complaintToday, listWarnings } from './review-queries';
import { reviewTicket } from './review-ticket';
import { superviseTicket } from './supervise-ticket';
import { listSupervisions } from './supervision-queries';
import { assignBody, overdueCauseBody, replyBody, reviewBody, superviseBody } from './ticket-commands.types';

const tags = ['complaints'];

/** 投诉闭环: assignment, 督办, progress replies, review, the ledger and its daily/weekly views. */
export async function complaintRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const detail = (request: Parameters<typeof currentAuth>[0], id: number) =>
    ticketDetail(services.database, currentAuth(request), id, now());
  const command = (permission: 'tickets.write' | 'complaints.supervise', body: z.ZodType, status = 200) => ({
    onRequest: guard(permission),
    schema: { tags: ['tickets', ...tags], params: idParam, body, response: { [status]: ticketDetailSchema } },
  });

  app.post('/api/tickets/:id/assign', command('tickets.write', assignBody), async (request) => {
    await assignTicket(services, currentAuth(request), request.params.id, assignBody.parse(request.body));
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/supervise', command('complaints.supervise', superviseBody), async (request) => {
    await superviseTicket(
      services,
      currentAuth(request),
      request.params.id,
      superviseBody.parse(request.body),
    );
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/replies', command('tickets.write', replyBody, 201), async (request, reply) => {
    const { body } = replyBody.parse(request.body);
    await addTicketReply(services, currentAuth(request), request.params.id, body);
    return reply.status(201).send(await detail(request, request.params.id));
  });
  app.post('/api/tickets/:id/review', command('complaints.supervise', reviewBody), async (request) => {
    await reviewTicket(services, currentAuth(request), request.params.id, reviewBody.parse(request.body));
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/overdue-cause', command('tickets.write', overdueCauseBody), async (request) => {
    const body = overdueCauseBody.parse(request.body);
    await recordOverdueCause(services, currentAuth(request), request.params.id, body);
    return detail(request, request.params.id);
  });

  app.get(
    '/api/complaints',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: complaintListQuery, response: { 200: complaintPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      const where = complaintFilters(auth, q, now());
      if (q.format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        const [rows, total] = await Promise.all([
          ledgerRows(db, where, EXPORT_ROW_CAP, 0),
          countComplaints(db, where),
        ]);
        const items = await presentLedger(db, rows, now());
        const ids = [...new Set(items.map((i) => i.projectId))];
        const zones = ids.length
          ? await db
              .select({ id: projects.id, tz: projects.timezone })
              .from(projects)
              .where(inArray(projects.id, ids))
          : [];
        return sendLedgerXlsx(reply, items, total, new Map(zones.map((z) => [z.id, z.tz])));
      }
      const [rows, total] = await Promise.all([
        ledgerRows(db, where, q.pageSize, offsetOf(q)),
        countComplaints(db, where),
      ]);
      return { items: await presentLedger(db, rows, now()), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/complaints/warnings',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags,
        querystring: projectQuery.extend({ all: queryBool.optional() }),
        response: { 200: complaintWarningListSchema },
      },
    },
    async (request) => ({ items: await listWarnings(db, currentAuth(request), request.query, now()) }),
  );

  app.get(
    '/api/complaints/summary',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: projectQuery, response: { 200: complaintSummarySchema } },
    },
    async (request) => complaintSummary(db, currentAuth(request), request.query.projectId, now()),
  );

  app.get(
    '/api/complaints/today',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: projectQuery, response: { 200: complaintTodaySchema } },
    },
    async (request) => complaintToday(db, currentAuth(request), request.query.projectId, now()),
  );

  app.get(
    '/api/complaints/overdue-week',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: overdueWeekQuery, response: { 200: complaintOverdueWeekSchema } },
    },
    async (request) => complaintOverdueWeek(db, currentAuth(request), request.query, now()),
  );

  // 督办 lists: anyone signed in reads their own (a technician holds no tickets.read); all needs it.
  app.get(
    '/api/supervisions',
    {
      onRequest: guard(),
      schema: { tags, querystring: supervisionListQuery, response: { 200: supervisionPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (!q.mine && !can(auth, 'tickets.read')) throw forbidden('tickets.read');
      const { items, total } = await listSupervisions(db, auth, q, now());
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  await departmentRoutes(app);
}
