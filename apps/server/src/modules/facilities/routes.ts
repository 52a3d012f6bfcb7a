import {
  availabilityQuery,
  availabilitySchema,
  bookingBody,
  bookingCancelBody,
  bookingDecisionBody,
  bookingListQuery,
  bookingPageSchema,
  bookingSchema,
  changeBookingBody,
  editFacilityBody,
  facilityBody,
  facilityListSchema,
  facilitySchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { availability } from './availability';
import { changeBooking, moveBooking } from './booking-actions';
import { sendBookingsXlsx } from './booking-export';
import {
  bookingInScope,
  facilityInScope,
  listBookings,
  listFacilities,
  presentBookings,
  presentFacility,
} from './facility-queries';
import { placeBooking } from './place-booking';
import { createFacility, editFacility } from './save-facility';

const tags = ['facilities'];
const projectQuery = z.object({ projectId: z.coerce.number().int().positive().optional() });

/** 场地预约 (§1.8): resources kept with facilities.manage; the desk books, checks in and cancels. */
export async function facilityRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const one = async (auth: AuthContext, id: number) =>
    (await presentBookings(db, [await bookingInScope(db, auth, id)], can(auth, 'pii.view')))[0]!;

  app.get(
    '/api/facilities',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: projectQuery, response: { 200: facilityListSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const ids = scopeIds(auth).filter((id) => !request.query.projectId || id === request.query.projectId);
      return { items: await listFacilities(db, ids) };
    },
  );
  app.post(
    '/api/facilities',
    {
      onRequest: guard('facilities.manage'),
      schema: { tags, body: facilityBody, response: { 201: facilitySchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentFacility(await createFacility(services, currentAuth(request), request.body))),
  );
  app.patch(
    '/api/facilities/:id',
    {
      onRequest: guard('facilities.manage'),
      schema: { tags, params: idParam, body: editFacilityBody, response: { 200: facilitySchema } },
    },
    async (request) =>
      presentFacility(await editFacility(services, currentAuth(request), request.params.id, request.body)),
  );
  app.get(
    '/api/facilities/:id/availability',
    {
      onRequest: guard('desk.read'),
      schema: {
        tags,
        params: idParam,
        querystring: availabilityQuery,
        response: { 200: availabilitySchema },
      },
    },
    async (request) =>
      availability(
        db,
        await facilityInScope(db, currentAuth(request), request.params.id),
        request.query.date,
      ),
  );

  app.get(
    '/api/bookings',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: bookingListQuery, response: { 200: bookingPageSchema } },
    },
    async (request) => listBookings(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/bookings/export.xlsx',
    {
      onRequest: guard('desk.read', 'export.run'),
      schema: {
        tags,
        querystring: bookingListQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const page = await listBookings(db, currentAuth(request), {
        ...request.query,
        page: 1,
        pageSize: 5000,
      });
      return sendBookingsXlsx(db, reply, page.items, page.total);
    },
  );
  app.get(
    '/api/bookings/:id',
    { onRequest: guard('desk.read'), schema: { tags, params: idParam, response: { 200: bookingSchema } } },
    async (request) => one(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/bookings',
    { onRequest: guard('desk.write'), schema: { tags, body: bookingBody, response: { 201: bookingSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const body = request.body;
      const f = await facilityInScope(db, auth, body.facilityId);
      const [unit] = await db
        .select({ projectId: units.projectId })
        .from(units)
        .where(eq(units.id, body.unitId));
      if (!unit || unit.projectId !== f.projectId) throw notFound('Unit');
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      if (endsAt <= startsAt) throw badRequest('The end must be after the start');
      const row = await db.transaction((tx) =>
        placeBooking(tx, userActor(auth), now(), {
          ...body,
          startsAt,
          endsAt,
          source: 'desk',
          residentId: null,
          createdBy: auth.userId,
        }),
      );
      return reply.status(201).send(await one(auth, row.id));
    },
  );
  app.patch(
    '/api/bookings/:id',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: changeBookingBody, response: { 200: bookingSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { startsAt, endsAt, version } = request.body;
      await db.transaction(async (tx) =>
        changeBooking(
          tx,
          services,
          userActor(auth),
          await bookingInScope(tx, auth, request.params.id, true),
          new Date(startsAt),
          new Date(endsAt),
          version,
        ),
      );
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/bookings/:id/cancel',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: bookingCancelBody, response: { 200: bookingSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await db.transaction(async (tx) =>
        moveBooking(
          tx,
          services,
          userActor(auth),
          await bookingInScope(tx, auth, request.params.id, true),
          'cancel',
          request.body,
        ),
      );
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/bookings/:id/checkin',
    { onRequest: guard('desk.write'), schema: { tags, params: idParam, response: { 200: bookingSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      await db.transaction(async (tx) =>
        moveBooking(
          tx,
          services,
          userActor(auth),
          await bookingInScope(tx, auth, request.params.id, true),
          'checkin',
        ),
      );
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/bookings/:id/decide',
    {
      onRequest: guard('facilities.manage'),
      schema: { tags, params: idParam, body: bookingDecisionBody, response: { 200: bookingSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { approve, reason } = request.body;
      await db.transaction(async (tx) =>
        moveBooking(
          tx,
          services,
          userActor(auth),
          await bookingInScope(tx, auth, request.params.id, true),
          approve ? 'approve' : 'reject',
          {
            reason,
          },
        ),
      );
      return one(auth, request.params.id);
    },
  );
}
