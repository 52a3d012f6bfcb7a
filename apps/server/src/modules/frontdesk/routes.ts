import {
  approveBody,
  checkoutBody,
  type DeskEntry,
  type DeskRegister,
  deskEntryPageSchema,
  deskEntrySchema,
  deskItemPageSchema,
  deskItemSchema,
  deskListQuery,
  gateAnswerSchema,
  gateVerifyBody,
  itemReleaseBody,
  keyAgreementBody,
  keyBody,
  loanBody,
  parcelBody,
  parcelPickupBody,
  pdfFile,
  rejectBody,
  returnBody,
  revokeBody,
  visitorPassBody,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP } from '../../platform/http/xlsx';
import { guardAny } from '../billing/guard-any';
import { projects } from '../org/schema';
import { entryInScope } from './engine';
import { exportRows } from './entry-xlsx';
import { verifyAtGate } from './gate';
import { applyAtDesk, approveRelease, rejectRelease } from './item-releases';
import { addKey, checkoutKey, fileAgreement, itemInScope, lendItem, returnKey } from './keys-loans';
import { deskMove } from './moves';
import { deliverParcel, logParcel, pickupParcel } from './parcels';
import { listEntries, listItems, presentEntries, presentItems } from './queries';
import type { DeskEntryRow } from './schema';
import { renderSlip } from './slip-pdf';
import { registerVisitor } from './visitor-passes';

const tags = ['frontdesk'];
const PATH: Record<DeskRegister, string> = {
  visitor: '/api/visitor-passes',
  parcel: '/api/parcels',
  release: '/api/item-releases',
  key: '/api/key-checkouts',
  loan: '/api/loans',
};

/** 前台服务: the five registers' desk and gate routes, all on the one engine. */
export async function frontdeskRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const show = async (row: DeskEntryRow, request: FastifyRequest) =>
    (await presentEntries(db, [row], now(), currentAuth(request)))[0]!;

  /** List, read and print routes every register shares. */
  for (const register of ['visitor', 'parcel', 'release', 'loan'] as const) {
    const path = PATH[register];
    const read =
      register === 'visitor' || register === 'release'
        ? guardAny('desk.read', 'gate.verify')
        : guard('desk.read');
    app.get(
      path,
      {
        onRequest: read,
        schema: { tags, querystring: deskListQuery, response: { 200: deskEntryPageSchema } },
      },
      async (request, reply) => {
        const auth = currentAuth(request);
        const q = request.query;
        if (q.format !== 'xlsx') return listEntries(db, auth, register, q, now());
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        const page = await listEntries(db, auth, register, q, now(), EXPORT_ROW_CAP);
        return exportRows(db, reply, register, page.items, page.total);
      },
    );
    app.get(
      `${path}/:id`,
      { onRequest: read, schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
      async (request) =>
        show(await entryInScope(db, currentAuth(request), register, request.params.id), request),
    );
  }
  for (const register of ['visitor', 'release', 'loan'] as const)
    app.get(
      `${PATH[register]}/:id/slip.pdf`,
      {
        onRequest: guardAny('desk.read', 'gate.verify'),
        schema: { tags, params: idParam, response: { 200: pdfFile } },
      },
      async (request, reply) => {
        const row = await entryInScope(db, currentAuth(request), register, request.params.id);
        return sendSlip(reply, await show(row, request), row.projectId);
      },
    );

  // —— 访客 ——
  app.post(
    '/api/visitor-passes',
    {
      onRequest: guardAny('desk.write', 'gate.verify'),
      schema: { tags, body: visitorPassBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      // A long-term deliverer's pass is the desk's to issue; the gate registers walk-ins.
      if (request.body.longTerm && !can(auth, 'desk.write')) throw forbidden('desk.write');
      return reply.status(201).send(await show(await registerVisitor(services, auth, request.body), request));
    },
  );
  app.post(
    '/api/visitor-passes/:id/revoke',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: revokeBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(
        await deskMove(services, currentAuth(request), 'visitor', request.params.id, 'revoke', {
          reason: request.body.reason,
        }),
        request,
      ),
  );
  app.post(
    '/api/visitor-passes/:id/confirm',
    { onRequest: guard('desk.write'), schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
    async (request) =>
      show(
        await deskMove(services, currentAuth(request), 'visitor', request.params.id, 'confirm', {
          by: 'phone',
        }),
        request,
      ),
  );

  // —— 门岗核验: any pass or slip, by its prefix ——
  for (const url of ['/api/gate/verify', '/api/visitor-passes/verify', '/api/item-releases/verify'])
    app.post(
      url,
      {
        onRequest: guard('gate.verify'),
        schema: { tags, body: gateVerifyBody, response: { 200: gateAnswerSchema } },
      },
      async (request) => verifyAtGate(services, currentAuth(request), request.body.code),
    );

  // —— 快递 ——
  app.post(
    '/api/parcels',
    {
      onRequest: guard('desk.write'),
      schema: { tags, body: parcelBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await show(await logParcel(services, currentAuth(request), request.body), request)),
  );
  app.post(
    '/api/parcels/:id/pickup',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: parcelPickupBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(await pickupParcel(services, currentAuth(request), request.params.id, request.body), request),
  );
  app.post(
    '/api/parcels/:id/deliver',
    { onRequest: guard('desk.write'), schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
    async (request) => show(await deliverParcel(services, currentAuth(request), request.params.id), request),
  );

  // —— 物品放行 ——
  app.post(
    '/api/item-releases',
    {
      onRequest: guard('desk.write'),
      schema: { tags, body: itemReleaseBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await show(await applyAtDesk(services, currentAuth(request), request.body), request)),
  );
  app.post(
    '/api/item-releases/:id/approve',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: approveBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(await approveRelease(services, currentAuth(request), request.params.id, request.body), request),
  );
  app.post(
    '/api/item-releases/:id/reject',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: rejectBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(await rejectRelease(services, currentAuth(request), request.params.id, request.body), request),
  );

  // —— 钥匙 ——
  app.get(
    '/api/keys',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: deskListQuery, response: { 200: deskItemPageSchema } },
    },
    async (request) => listItems(db, currentAuth(request), 'key', request.query, now()),
  );
  app.post(
    '/api/keys',
    { onRequest: guard('desk.write'), schema: { tags, body: keyBody, response: { 201: deskItemSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const key = await addKey(services, auth, request.body);
      return reply.status(201).send((await presentItems(db, [key], now(), auth))[0]!);
    },
  );
  app.put(
    '/api/keys/:id/agreement',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: keyAgreementBody, response: { 200: deskItemSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const key = await fileAgreement(services, auth, request.params.id, request.body);
      return (await presentItems(db, [key], now(), auth))[0]!;
    },
  );
  app.post(
    '/api/keys/:id/checkout',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: checkoutBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await show(
            await checkoutKey(services, currentAuth(request), request.params.id, request.body),
            request,
          ),
        ),
  );
  app.post(
    '/api/keys/:id/return',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: returnBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(await returnKey(services, currentAuth(request), request.params.id, request.body), request),
  );
  app.get(
    '/api/keys/:id/checkouts',
    {
      onRequest: guard('desk.read'),
      schema: { tags, params: idParam, response: { 200: deskEntryPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const key = await itemInScope(db, auth, request.params.id);
      const page = await listEntries(
        db,
        auth,
        'key',
        { projectId: key.projectId, page: 1, pageSize: 200 },
        now(),
      );
      const items = page.items.filter((e) => e.itemId === key.id);
      return { items, total: items.length, page: 1, pageSize: 200 };
    },
  );

  // —— 借用 ——
  app.post(
    '/api/loans',
    { onRequest: guard('desk.write'), schema: { tags, body: loanBody, response: { 201: deskEntrySchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await show(await lendItem(services, currentAuth(request), request.body), request)),
  );
  app.post(
    '/api/loans/:id/return',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: returnBody, response: { 200: deskEntrySchema } },
    },
    async (request) =>
      show(
        await deskMove(services, currentAuth(request), 'loan', request.params.id, 'return', {
          note: request.body.note,
        }),
        request,
      ),
  );

  // —— 每日货架清单 ——
  app.get(
    '/api/parcels/shelf.xlsx',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: deskListQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const page = await listEntries(
        db,
        auth,
        'parcel',
        { ...request.query, status: '待取' },
        now(),
        EXPORT_ROW_CAP,
      );
      const rows = [...page.items].sort((a, b) =>
        String(a.details.shelf).localeCompare(String(b.details.shelf)),
      );
      return exportRows(db, reply, 'parcel', rows, page.total, '快递货架清单');
    },
  );

  async function sendSlip(reply: FastifyReply, e: DeskEntry, projectId: number) {
    const [p] = await db
      .select({ name: projects.name, tz: projects.timezone })
      .from(projects)
      .where(eq(projects.id, projectId));
    const pdf = await renderSlip(e, p?.name ?? '', p?.tz ?? 'Asia/Shanghai');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${e.code}.pdf`)}`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}
