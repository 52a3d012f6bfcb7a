import type { AuthContext } from '../../platform/auth/context';
import type { Ctx } from '../tickets/ticket-write';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 接单: the technician confirms he will go. */
export async function acceptWorkOrder(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    await stepWorkOrder(w, wo, { type: 'accept' }, { acceptedAt: w.now });
  });
}
