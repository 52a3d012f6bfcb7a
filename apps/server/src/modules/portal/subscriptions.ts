import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type NoticeType, noticeOptOuts } from '../notices/schema';
import type { PortalContext } from './context';

const ids = (p: PortalContext) => (p.residents.length ? p.residents.map((r) => r.id) : [-1]);

export async function myOptOuts(db: DbOrTx, p: PortalContext): Promise<NoticeType[]> {
  const rows = await db
    .selectDistinct({ type: noticeOptOuts.type })
    .from(noticeOptOuts)
    .where(inArray(noticeOptOuts.residentId, ids(p)));
  return rows.map((r) => r.type).sort();
}

/** Replace the opt-outs of every archive record of the signed-in phone. */
export async function setOptOuts(db: DbOrTx, p: PortalContext, optOut: NoticeType[], now: Date) {
  await db.transaction(async (tx) => {
    await tx.delete(noticeOptOuts).where(inArray(noticeOptOuts.residentId, ids(p)));
    const rows = p.residents.flatMap((r) =>
      [...new Set(optOut)].map((type) => ({ residentId: r.id, type, at: now })),
    );
    if (rows.length) await tx.insert(noticeOptOuts).values(rows);
  });
  return myOptOuts(db, p);
}
