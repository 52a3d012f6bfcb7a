import type { AuthContext } from '../../platform/auth/context';
import type { Ctx } from '../tickets/ticket-write';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 到场: stops the arrive clock (15 min for 急修, Q31/Q33). Before-photos may come with it. */
export async function arriveWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  photosBefore?: string[],
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    await attachUploads(w.tx, staffReader(auth), wo.projectId, photosBefore ?? []);
    await stepWorkOrder(
      w,
      wo,
      { type: 'arrive' },
      { arrivedAt: w.now, ...(photosBefore ? { photosBefore } : {}) },
    );
  });
}
