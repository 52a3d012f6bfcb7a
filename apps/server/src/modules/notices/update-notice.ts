import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import type { NoticePatch } from './inputs';
import { noticeInScope } from './queries';
import { notices } from './schema';
import { runNoticeAction } from './step-notice';
import { assertNoticeRefs, assertSendable } from './validate';

/** Only drafts change (a sent-back notice is a draft again): what was approved is what goes out. */
export async function updateNotice(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  patch: NoticePatch,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const n = checkVersion(await noticeInScope(tx, auth, id, true), patch.version, 'Notice');
    runNoticeAction(n, { type: 'edit' });
    const { version: _v, ...fields } = patch;
    const changes = definedOnly(fields);
    await assertNoticeRefs(tx, n.companyId, n.projectId, changes);
    const [row] = await tx
      .update(notices)
      .set({ ...changes, version: n.version + 1, updatedAt: now })
      .where(eq(notices.id, n.id))
      .returning();
    if (!row) throw new Error('notice vanished inside its transaction');
    await assertSendable(tx, row, now);
    const d = diff(n as Record<string, unknown>, changes as Record<string, unknown>);
    if (d)
      await recordEvent(tx, userActor(auth), now, {
        action: 'notice.updated',
        entityType: 'notice',
        entityId: n.id,
        projectId: n.projectId,
        ...d,
      });
    return row;
  });
}
