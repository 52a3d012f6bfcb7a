import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { type ApprovalFacts, approvalDecision } from './rules/approval';
import { type BroadcastKind, broadcastApprovals } from './schema';
import { APPROVAL_THRESHOLD } from './settings';

/** What to keep when a send is held: enough to send exactly it once a second person agrees. */
export interface HeldSend {
  companyId: number;
  projectId: number;
  kind: BroadcastKind;
  title: string;
  payload?: Record<string, unknown> | null;
  noticeId?: number | null;
  noticeVersion?: number | null;
  recipients: number;
  threshold: number;
}

/** Thrown inside the send's transaction (rolling it back); sendOrHold turns it into a held request. */
export class ApprovalNeeded extends Error {
  constructor(readonly held: HeldSend) {
    super('approval required');
  }
}

export const approvalThreshold = (db: DbOrTx, companyId: number, projectId: number) =>
  getSetting(db, APPROVAL_THRESHOLD, { companyId, projectId });

/** Inside a send: stop it (ApprovalNeeded) when it is above the threshold and nobody else agreed. */
export async function gateSend(
  tx: DbOrTx,
  held: Omit<HeldSend, 'threshold'>,
  facts: Omit<ApprovalFacts, 'threshold' | 'recipients'>,
): Promise<void> {
  const threshold = await approvalThreshold(tx, held.companyId, held.projectId);
  const d = approvalDecision({ ...facts, recipients: held.recipients, threshold });
  if (!d.go) throw new ApprovalNeeded({ ...held, threshold });
}

/**
 * Run a send; if it is held, record the request (its own transaction: the send's rolled back) and
 * answer 409 approval_required with the request's id, so a second person can let it go.
 */
export async function sendOrHold<T>(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ApprovalNeeded)) throw error;
    const h = error.held;
    const now = ctx.clock.now();
    const row = await ctx.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(broadcastApprovals)
        .values({
          companyId: h.companyId,
          projectId: h.projectId,
          kind: h.kind,
          title: h.title,
          payload: h.payload ?? null,
          noticeId: h.noticeId ?? null,
          noticeVersion: h.noticeVersion ?? null,
          recipients: h.recipients,
          threshold: h.threshold,
          requestedById: auth.userId,
          requestedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('approval insert returned nothing');
      await recordEvent(tx, userActor(auth), now, {
        action: 'broadcast.approval_requested',
        entityType: 'broadcast_approval',
        entityId: row.id,
        projectId: row.projectId,
        after: { kind: row.kind, title: row.title, recipients: row.recipients, threshold: row.threshold },
      });
      return row;
    });
    throw new AppError(
      409,
      'approval_required',
      `This message reaches ${h.recipients} residents (more than ${h.threshold}): a second person must approve it`,
      { approvalId: row.id, recipients: h.recipients, threshold: h.threshold },
    );
  }
}
