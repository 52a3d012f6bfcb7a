import type { DeskRegister } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import type { PortalContext } from '../portal/context';
import { entryInScope, moveEntry } from './engine';
import { portalOwns } from './parcels';
import type { DeskAction } from './rules/registers';
import { deskEntries } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** A plain move by the desk (作废, 送达…): the table decides, the note says why. */
export async function deskMove(
  ctx: Ctx,
  auth: AuthContext,
  register: DeskRegister,
  id: number,
  action: DeskAction,
  note: Record<string, unknown> = {},
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await entryInScope(tx, auth, register, id, true);
    return moveEntry(tx, userActor(auth), now, row, action, 'desk', { note });
  });
}

/** A move by the resident on their own record (confirm a visitor as host, revoke a pass, cancel a slip). */
export async function residentMove(
  ctx: Ctx,
  portal: PortalContext,
  register: DeskRegister,
  id: number,
  action: DeskAction,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(deskEntries)
      .where(and(eq(deskEntries.id, id), eq(deskEntries.register, register)))
      .for('update');
    if (!row || !portalOwns(portal, row))
      throw notFound(register === 'visitor' ? 'Visitor pass' : 'Item release');
    return moveEntry(
      tx,
      { userId: null, companyId: row.companyId, source: 'channel' },
      now,
      row,
      action,
      'resident',
    );
  });
}
