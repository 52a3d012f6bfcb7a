import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { guardAny } from '../tickets/guard-any';
import { acceptWorkOrder } from './accept-work-order';
import { arriveWorkOrder } from './arrive-work-order';
import { cancelWorkOrder } from './cancel-work-order';
import { completeWorkOrder } from './complete-work-order';
import { dispatchWorkOrder } from './dispatch-work-order';
import { grabWorkOrder } from './grab-work-order';
import { pauseWorkOrder } from './pause-work-order';
import { resumeWorkOrder } from './resume-work-order';
import { returnWorkOrder } from './return-work-order';
import { startWorkOrder } from './start-work-order';
import { transferWorkOrder } from './transfer-work-order';

const version = z.number().int().positive();
const photo = z.string().trim().min(1).max(2000);
const reason = z.string().trim().min(1).max(500);
const material = z.object({
  item: z.string().trim().min(1).max(100),
  qty: z.number().positive().max(100_000),
  unit: z.string().trim().max(10).nullish(),
  unitPrice: z.number().min(0).max(1_000_000).nullish(),
});

const bodies = {
  dispatch: z.object({ version, technicianId: z.number().int().positive().nullish() }),
  grab: z.object({ version }),
  accept: z.object({ version }),
  arrive: z.object({ version, photosBefore: z.array(photo).max(20).optional() }),
  start: z.object({ version }),
  pause: z.object({ version, reason }),
  resume: z.object({ version }),
  complete: z.object({
    version,
    materials: z.array(material).max(50).optional(),
    photosBefore: z.array(photo).max(20).optional(),
    photosAfter: z.array(photo).max(20).optional(),
    signature: z.string().max(200_000).nullish(),
    result: z.string().trim().max(2000).nullish(),
  }),
  return: z.object({ version, reason }),
  transfer: z.object({ version, technicianId: z.number().int().positive(), reason: reason.nullish() }),
  cancel: z.object({ version, reason }),
};

/** POST /api/work-orders/:id/<action>: each takes the order's version; stale → 409, invalid → 409 + allowed. */
export async function workOrderActionRoutes(
  app: App,
  view: (auth: AuthContext, id: number) => Promise<unknown>,
) {
  const services = app.services;
  const field = guardAny('tickets.dispatch', 'workorders.execute');
  const schema = (body: z.ZodType) => ({ tags: ['work-orders'], params: idParam, body });

  app.post(
    '/api/work-orders/:id/dispatch',
    { onRequest: guard('tickets.dispatch'), schema: schema(bodies.dispatch) },
    async (request) => {
      const b = bodies.dispatch.parse(request.body);
      const auth = currentAuth(request);
      await dispatchWorkOrder(services, auth, request.params.id, b.version, b.technicianId);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/grab',
    { onRequest: guard('workorders.execute'), schema: schema(bodies.grab) },
    async (request) => {
      const b = bodies.grab.parse(request.body);
      const auth = currentAuth(request);
      await grabWorkOrder(services, auth, request.params.id, b.version);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/accept',
    { onRequest: field, schema: schema(bodies.accept) },
    async (request) => {
      const b = bodies.accept.parse(request.body);
      const auth = currentAuth(request);
      await acceptWorkOrder(services, auth, request.params.id, b.version);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/arrive',
    { onRequest: field, schema: schema(bodies.arrive) },
    async (request) => {
      const b = bodies.arrive.parse(request.body);
      const auth = currentAuth(request);
      await arriveWorkOrder(services, auth, request.params.id, b.version, b.photosBefore);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/start',
    { onRequest: field, schema: schema(bodies.start) },
    async (request) => {
      const b = bodies.start.parse(request.body);
      const auth = currentAuth(request);
      await startWorkOrder(services, auth, request.params.id, b.version);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/pause',
    { onRequest: field, schema: schema(bodies.pause) },
    async (request) => {
      const b = bodies.pause.parse(request.body);
      const auth = currentAuth(request);
      await pauseWorkOrder(services, auth, request.params.id, b.version, b.reason);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/resume',
    { onRequest: field, schema: schema(bodies.resume) },
    async (request) => {
      const b = bodies.resume.parse(request.body);
      const auth = currentAuth(request);
      await resumeWorkOrder(services, auth, request.params.id, b.version);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/complete',
    { onRequest: field, schema: schema(bodies.complete) },
    async (request) => {
      const { version: v, ...input } = bodies.complete.parse(request.body);
      const auth = currentAuth(request);
      await completeWorkOrder(services, auth, request.params.id, v, input);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/return',
    { onRequest: field, schema: schema(bodies.return) },
    async (request) => {
      const b = bodies.return.parse(request.body);
      const auth = currentAuth(request);
      await returnWorkOrder(services, auth, request.params.id, b.version, b.reason);
      // A technician who returned an order no longer sees it (unless it went to the grab pool).
      return view(auth, request.params.id).catch(() => ({ id: request.params.id, returned: true }));
    },
  );
  app.post(
    '/api/work-orders/:id/transfer',
    { onRequest: field, schema: schema(bodies.transfer) },
    async (request) => {
      const b = bodies.transfer.parse(request.body);
      const auth = currentAuth(request);
      await transferWorkOrder(services, auth, request.params.id, b.version, b.technicianId, b.reason);
      return view(auth, request.params.id);
    },
  );
  app.post(
    '/api/work-orders/:id/cancel',
    { onRequest: guard('tickets.dispatch'), schema: schema(bodies.cancel) },
    async (request) => {
      const b = bodies.cancel.parse(request.body);
      const auth = currentAuth(request);
      await cancelWorkOrder(services, auth, request.params.id, b.version, b.reason);
      return view(auth, request.params.id);
    },
  );
}
