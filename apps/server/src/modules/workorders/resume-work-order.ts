import type { AuthContext } from '../../platform/auth/context';
import type { Ctx } from '../tickets/ticket-write';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** Back to 处理中: the open pause closes, so the fix deadline moves out by the paused business time. */
export async function resumeWorkOrder(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    const at = w.now.toISOString();
    const pauses = wo.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
    await stepWorkOrder(w, wo, { type: 'resume' }, { pauses });
  });
}
