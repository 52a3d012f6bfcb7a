import type { AuthContext } from '../../platform/auth/context';
import { closeHandoff } from '../dispatch/assign';
import { resolveIfDone } from '../tickets/resolve-ticket';
import type { Ctx } from '../tickets/ticket-write';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import type { MaterialLine } from './schema';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

export interface Completion {
  materials?: MaterialLine[];
  photosBefore?: string[];
  photosAfter?: string[];
  signature?: string | null;
  result?: string | null;
}

/**
 * 完工 with materials, before/after photos and the resident's signature (upload references, checked to
 * be the writer's and of this project); the last open order resolves the ticket. A signed order needs
 * no on-site acceptance by the butler (Q40, rules/on-site-check.ts).
 */
export async function completeWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  input: Completion,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    await attachUploads(w.tx, staffReader(auth), wo.projectId, [
      ...(input.photosBefore ?? []),
      ...(input.photosAfter ?? []),
      input.signature,
    ]);
    await stepWorkOrder(
      w,
      wo,
      { type: 'complete' },
      {
        completedAt: w.now,
        startedAt: wo.startedAt ?? wo.arrivedAt ?? w.now,
        ...(input.materials ? { materials: input.materials } : {}),
        ...(input.photosBefore ? { photosBefore: input.photosBefore } : {}),
        ...(input.photosAfter ? { photosAfter: input.photosAfter } : {}),
        ...(input.signature !== undefined ? { signature: input.signature } : {}),
        ...(input.result !== undefined ? { result: input.result } : {}),
      },
      { materials: input.materials?.length ?? 0, signed: Boolean(input.signature) },
    );
    await closeHandoff(w, wo, 'completed');
    await resolveIfDone(w);
  });
}
