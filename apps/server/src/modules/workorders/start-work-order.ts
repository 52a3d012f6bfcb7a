import type { AuthContext } from '../../platform/auth/context';
import type { Ctx } from '../tickets/ticket-write';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 开始处理 after arriving (optional: completing straight from 已到场 is allowed). */
export async function startWorkOrder(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    await stepWorkOrder(w, wo, { type: 'start' }, { startedAt: w.now });
  });
}
