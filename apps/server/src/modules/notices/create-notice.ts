import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import type { NoticeInput } from './inputs';
import { notices } from './schema';
import { assertNoticeRefs, assertSendable } from './validate';

/** A draft; checked against Q65/Q70/Q71 now so the author hears about problems before review. */
export async function createNotice(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  input: NoticeInput,
) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await assertNoticeRefs(tx, auth.companyId, input.projectId, input);
    const [row] = await tx
      .insert(notices)
      .values({
        ...input,
        companyId: auth.companyId,
        incidentId: input.incidentId ?? null,
        location: input.location ?? null,
        eventStartsAt: input.eventStartsAt ?? null,
        eventEndsAt: input.eventEndsAt ?? null,
        publishAt: input.publishAt ?? null,
        createdById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('notice insert returned nothing');
    await assertSendable(tx, row, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'notice.created',
      entityType: 'notice',
      entityId: row.id,
      projectId: row.projectId,
      after: { type: row.type, title: row.title, urgent: row.urgent },
    });
    return row;
  });
}
