import {
  availabilityQuery,
  availabilitySchema,
  bookingSchema,
  portalBookingBody,
  portalBookingsSchema,
  waitlistBody,
  waitlistSchema,
} from '@guanjia/shared/api';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { currentPortal, type PortalContext } from '../portal/context';
import { availability } from './availability';
import { moveBooking } from './booking-actions';
import { listFacilities, presentBookings } from './facility-queries';
import { placeBooking } from './place-booking';
import { facilities, facilityBookings, facilityWaitlist } from './schema';
import { acceptOffer, joinWaitlist } from './waitlist';

const tags = ['portal'];
const portalActor = (p: PortalContext) => ({
  userId: null,
  companyId: p.companyId,
  source: 'channel' as const,
});

/** The resident's side of 场地预约: book for one of their units, cancel, join the waitlist, take an offer. */
export function portalFacilityRoutes(
  app: App,
  portalGuard: (request: FastifyRequest) => Promise<void>,
): void {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const projectsOf = (p: PortalContext) => [...new Set(p.units.map((u) => u.projectId))];
  const unitOf = (p: PortalContext, unitId: number) => {
    const u = p.units.find((x) => x.id === unitId);
    if (!u) throw notFound('Unit');
    return u;
  };
  const residentName = (p: PortalContext, residentId: number) =>
    p.residents.find((r) => r.id === residentId)?.name ?? '';
  const mine = async (p: PortalContext) => {
    const unitIds = p.units.map((u) => u.id);
    if (!unitIds.length) return { facilities: [], bookings: [], waitlist: [] };
    const [fs, rows, waits] = await Promise.all([
      listFacilities(db, projectsOf(p)),
      db
        .select()
        .from(facilityBookings)
        .where(inArray(facilityBookings.unitId, unitIds))
        .orderBy(desc(facilityBookings.startsAt))
        .limit(50),
      db
        .select()
        .from(facilityWaitlist)
        .where(inArray(facilityWaitlist.unitId, unitIds))
        .orderBy(desc(facilityWaitlist.id))
        .limit(20),
    ]);
    const name = new Map(fs.map((f) => [f.id, f.name]));
    return {
      facilities: fs.filter((f) => f.active),
      bookings: await presentBookings(db, rows, true),
      waitlist: waits.map((w) => ({
        id: w.id,
        facilityId: w.facilityId,
        facilityName: name.get(w.facilityId) ?? '',
        unitId: w.unitId,
        startsAt: w.startsAt.toISOString(),
        endsAt: w.endsAt.toISOString(),
        state: w.state,
        offerExpiresAt: w.offerExpiresAt?.toISOString() ?? null,
        bookingId: w.bookingId,
      })),
    };
  };

  app.get(
    '/api/portal/bookings',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalBookingsSchema } } },
    async (request) => mine(currentPortal(request)),
  );
  app.get(
    '/api/portal/facilities/:id/availability',
    {
      onRequest: portalGuard,
      schema: {
        tags,
        params: idParam,
        querystring: availabilityQuery,
        response: { 200: availabilitySchema },
      },
    },
    async (request) => {
      const p = currentPortal(request);
      const [f] = await db
        .select()
        .from(facilities)
        .where(and(eq(facilities.id, request.params.id), inArray(facilities.projectId, projectsOf(p))));
      if (!f) throw notFound('Facility');
      return availability(db, f, request.query.date);
    },
  );
  app.post(
    '/api/portal/bookings',
    { onRequest: portalGuard, schema: { tags, body: portalBookingBody, response: { 201: bookingSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const body = request.body;
      const unit = unitOf(p, body.unitId);
      const [f] = await db.select().from(facilities).where(eq(facilities.id, body.facilityId));
      if (!f || f.projectId !== unit.projectId) throw notFound('Facility');
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      if (endsAt <= startsAt) throw badRequest('The end must be after the start');
      const row = await db.transaction((tx) =>
        placeBooking(tx, portalActor(p), now(), {
          facilityId: f.id,
          unitId: unit.id,
          startsAt,
          endsAt,
          people: body.people,
          note: body.note,
          source: 'portal',
          residentId: unit.residentId,
          contactName: residentName(p, unit.residentId),
          contactPhone: p.phone,
          createdBy: null,
        }),
      );
      return reply.status(201).send((await presentBookings(db, [row], true))[0]!);
    },
  );
  app.post(
    '/api/portal/bookings/:id/cancel',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: bookingSchema } } },
    async (request) => {
      const p = currentPortal(request);
      const row = await db.transaction(async (tx) => {
        const [b] = await tx
          .select()
          .from(facilityBookings)
          .where(eq(facilityBookings.id, request.params.id))
          .for('update');
        if (!b || !p.units.some((u) => u.id === b.unitId)) throw notFound('Booking');
        return moveBooking(tx, services, portalActor(p), b, 'cancel');
      });
      return (await presentBookings(db, [row], true))[0]!;
    },
  );
  app.post(
    '/api/portal/waitlist',
    { onRequest: portalGuard, schema: { tags, body: waitlistBody, response: { 201: waitlistSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const unit = unitOf(p, request.body.unitId);
      const w = await db.transaction((tx) =>
        joinWaitlist(tx, portalActor(p), now(), {
          facilityId: request.body.facilityId,
          projectIds: [unit.projectId],
          unitId: unit.id,
          residentId: unit.residentId,
          phone: p.phone,
          startsAt: new Date(request.body.startsAt),
          endsAt: new Date(request.body.endsAt),
        }),
      );
      return reply.status(201).send({
        id: w.id,
        facilityId: w.facilityId,
        facilityName: '',
        unitId: w.unitId,
        startsAt: w.startsAt.toISOString(),
        endsAt: w.endsAt.toISOString(),
        state: w.state,
        offerExpiresAt: null,
        bookingId: null,
      });
    },
  );
  app.post(
    '/api/portal/waitlist/:id/accept',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 201: bookingSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const row = await db.transaction(async (tx) => {
        const [w] = await tx
          .select()
          .from(facilityWaitlist)
          .where(eq(facilityWaitlist.id, request.params.id))
          .for('update');
        if (!w || !p.units.some((u) => u.id === w.unitId)) throw notFound('Waitlist entry');
        const unit = unitOf(p, w.unitId);
        return acceptOffer(tx, portalActor(p), now(), w, {
          name: residentName(p, unit.residentId),
          phone: p.phone,
        });
      });
      return reply.status(201).send((await presentBookings(db, [row], true))[0]!);
    },
  );
}
