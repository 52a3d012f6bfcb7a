import { type WorkOrderView, workOrderActionResultSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth } from '../../platform/auth/guard';
import type { App, Services } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { guardAny } from '../tickets/guard-any';
import { WORK_ORDER_ACTION_PERMISSIONS } from '../tickets/rules/action-permissions';
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

type Bodies = typeof bodies;
type Run<A extends keyof Bodies> = (
  ctx: Services,
  auth: AuthContext,
  id: number,
  body: z.infer<Bodies[A]>,
) => Promise<unknown>;

/** What each action does with its validated body; guards come from the permission table. */
const RUN: { [A in keyof Bodies]: Run<A> } = {
  dispatch: (s, auth, id, b) => dispatchWorkOrder(s, auth, id, b.version, b.technicianId),
  grab: (s, auth, id, b) => grabWorkOrder(s, auth, id, b.version),
  accept: (s, auth, id, b) => acceptWorkOrder(s, auth, id, b.version),
  arrive: (s, auth, id, b) => arriveWorkOrder(s, auth, id, b.version, b.photosBefore),
  start: (s, auth, id, b) => startWorkOrder(s, auth, id, b.version),
  pause: (s, auth, id, b) => pauseWorkOrder(s, auth, id, b.version, b.reason),
  resume: (s, auth, id, b) => resumeWorkOrder(s, auth, id, b.version),
  complete: (s, auth, id, { version: v, ...input }) => completeWorkOrder(s, auth, id, v, input),
  return: (s, auth, id, b) => returnWorkOrder(s, auth, id, b.version, b.reason),
  transfer: (s, auth, id, b) => transferWorkOrder(s, auth, id, b.version, b.technicianId, b.reason),
  cancel: (s, auth, id, b) => cancelWorkOrder(s, auth, id, b.version, b.reason),
};

/** POST /api/work-orders/:id/<action>: each takes the order's version; stale → 409, invalid → 409 + allowed. */
export async function workOrderActionRoutes(
  app: App,
  view: (auth: AuthContext, id: number) => Promise<WorkOrderView>,
) {
  const services = app.services;
  const register = <A extends keyof Bodies>(action: A) =>
    app.post(
      `/api/work-orders/:id/${action}`,
      {
        onRequest: guardAny(...WORK_ORDER_ACTION_PERMISSIONS[action]),
        schema: {
          tags: ['work-orders'],
          params: idParam,
          body: bodies[action],
          response: { 200: workOrderActionResultSchema },
        },
      },
      async (request) => {
        const body = bodies[action].parse(request.body) as z.infer<Bodies[A]>;
        const auth = currentAuth(request);
        const id = request.params.id;
        await RUN[action](services, auth, id, body);
        // A technician who returned an order no longer sees it (unless it went to the grab pool).
        if (action === 'return') return view(auth, id).catch(() => ({ id, returned: true }));
        return view(auth, id);
      },
    );
  for (const action of Object.keys(bodies) as (keyof Bodies)[]) register(action);
}
