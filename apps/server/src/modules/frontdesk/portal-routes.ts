import {
  deskEntrySchema,
  fileResponse,
  itemsOf,
  portalItemReleaseBody,
  portalVisitorPassBody,
} from '@guanjia/shared/api';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { currentPortal, type PortalContext } from '../portal/context';
import { applyInPortal } from './item-releases';
import { residentMove } from './moves';
import { portalOwns, requestDoorDelivery } from './parcels';
import { presentEntries } from './queries';
import { deskEntries } from './schema';
import { qrPng } from './slip-pdf';
import { preRegisterVisitor } from './visitor-passes';

const tags = ['portal'];
const list = itemsOf(deskEntrySchema);

/** The resident's side of the desk: their visitor passes, parcels and item-release slips. */
export function portalDeskRoutes(app: App, portalGuard: (request: FastifyRequest) => Promise<void>): void {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  const mine = async (portal: PortalContext, register: 'visitor' | 'parcel' | 'release') => {
    const unitIds = portal.units.map((u) => u.id);
    const residentIds = portal.residents.map((r) => r.id);
    if (!unitIds.length && !residentIds.length) return [];
    const rows = await db
      .select()
      .from(deskEntries)
      .where(
        and(
          eq(deskEntries.companyId, portal.companyId),
          eq(deskEntries.register, register),
          or(
            unitIds.length ? inArray(deskEntries.unitId, unitIds) : undefined,
            residentIds.length ? inArray(deskEntries.residentId, residentIds) : undefined,
          ),
        ),
      )
      .orderBy(desc(deskEntries.id))
      .limit(100);
    return presentEntries(db, rows, now(), null);
  };
  const one = async (portal: PortalContext, id: number) => {
    const [row] = await db.select().from(deskEntries).where(eq(deskEntries.id, id));
    if (!row || !portalOwns(portal, row)) throw notFound('Visitor pass');
    return (await presentEntries(db, [row], now(), null))[0]!;
  };

  app.get(
    '/api/portal/visitor-passes',
    { onRequest: portalGuard, schema: { tags, response: { 200: list } } },
    async (request) => ({
      items: await mine(currentPortal(request), 'visitor'),
    }),
  );
  app.post(
    '/api/portal/visitor-passes',
    {
      onRequest: portalGuard,
      schema: { tags, body: portalVisitorPassBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) => {
      const portal = currentPortal(request);
      const row = await preRegisterVisitor(services, portal, request.body);
      return reply.status(201).send(await one(portal, row.id));
    },
  );
  for (const action of ['confirm', 'revoke'] as const)
    app.post(
      `/api/portal/visitor-passes/:id/${action}`,
      { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
      async (request) => {
        const portal = currentPortal(request);
        const row = await residentMove(services, portal, 'visitor', request.params.id, action);
        return one(portal, row.id);
      },
    );
  // The pass as a picture to send the visitor (WeChat, SMS): the QR the gate scans.
  app.get(
    '/api/portal/visitor-passes/:id/qr.png',
    {
      onRequest: portalGuard,
      schema: {
        tags,
        params: idParam,
        response: { 200: fileResponse('image/png', 'The pass as a QR picture') },
      },
    },
    async (request, reply) => {
      const pass = await one(currentPortal(request), request.params.id);
      if (pass.register !== 'visitor') throw notFound('Visitor pass');
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'no-store')
        .send(await qrPng(pass.code));
    },
  );

  app.get(
    '/api/portal/parcels',
    { onRequest: portalGuard, schema: { tags, response: { 200: list } } },
    async (request) => ({
      items: await mine(currentPortal(request), 'parcel'),
    }),
  );
  app.post(
    '/api/portal/parcels/:id/to-door',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
    async (request) => {
      const portal = currentPortal(request);
      const row = await requestDoorDelivery(services, portal, request.params.id);
      return one(portal, row.id);
    },
  );

  app.get(
    '/api/portal/item-releases',
    { onRequest: portalGuard, schema: { tags, response: { 200: list } } },
    async (request) => ({
      items: await mine(currentPortal(request), 'release'),
    }),
  );
  app.post(
    '/api/portal/item-releases',
    {
      onRequest: portalGuard,
      schema: { tags, body: portalItemReleaseBody, response: { 201: deskEntrySchema } },
    },
    async (request, reply) => {
      const portal = currentPortal(request);
      const row = await applyInPortal(services, portal, request.body);
      return reply.status(201).send(await one(portal, row.id));
    },
  );
  app.post(
    '/api/portal/item-releases/:id/cancel',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: deskEntrySchema } } },
    async (request) => {
      const portal = currentPortal(request);
      const row = await residentMove(services, portal, 'release', request.params.id, 'cancel');
      return one(portal, row.id);
    },
  );
}
