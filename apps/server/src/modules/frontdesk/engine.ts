import type { DeskRegister } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import { AppError, conflict, notFound, staleVersion } from '../../platform/http/errors';
import { type DeskAction, type DeskActor, makeCode, nextStatus, REGISTER_TYPES } from './rules/registers';
import { type DeskEntryRow, deskEntries } from './schema';

/** What an HTTP caller sees of a missing record of each register. */
const NOUN: Record<DeskRegister, string> = {
  visitor: 'Visitor pass',
  parcel: 'Parcel',
  release: 'Item release',
  key: 'Key sign-out',
  loan: 'Loan',
};

/** The record if the caller may see it (404 otherwise, like a missing one); locked for a write. */
export async function entryInScope(
  db: DbOrTx,
  auth: AuthContext,
  register: DeskRegister,
  id: number,
  lock = false,
): Promise<DeskEntryRow> {
  const q = db
    .select()
    .from(deskEntries)
    .where(and(eq(deskEntries.id, id), eq(deskEntries.register, register)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound(NOUN[register]);
  assertInScope(auth, row.projectId, NOUN[register]);
  return row;
}

/** Insert a record with a fresh code of its register's prefix (a clash, one in 10^12, retries). */
export async function insertEntry(
  tx: DbOrTx,
  values: Omit<typeof deskEntries.$inferInsert, 'code' | 'status'> & {
    register: DeskRegister;
    status?: DeskEntryRow['status'];
  },
): Promise<DeskEntryRow> {
  const type = REGISTER_TYPES[values.register];
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = makeCode(type.prefix);
    const [row] = await tx
      .insert(deskEntries)
      .values({ status: type.initial, ...values, code })
      .onConflictDoNothing({ target: deskEntries.code })
      .returning();
    if (row) return row;
  }
  throw new Error('could not draw a unique desk code');
}

/**
 * Take one move of the register's state machine on a locked row: the table says whether it may, the
 * version guards against a stale screen, and the change writes its audit event.
 */
export async function moveEntry(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  row: DeskEntryRow,
  action: DeskAction,
  by: DeskActor,
  opts: {
    version?: number;
    patch?: Partial<typeof deskEntries.$inferInsert>;
    note?: Record<string, unknown>;
  } = {},
): Promise<DeskEntryRow> {
  if (opts.version !== undefined && opts.version !== row.version)
    throw staleVersion(NOUN[row.register], opts.version, row.version);
  const move = nextStatus(row.register, row.status, action, by);
  if (!move.ok) {
    if (move.why === 'not_yours')
      throw new AppError(403, 'forbidden', 'This step is not yours to take', { action });
    throw conflict('This step does not apply in the current status', { status: row.status, action });
  }
  const [after] = await tx
    .update(deskEntries)
    .set({
      ...opts.patch,
      status: move.to,
      closedAt: move.final ? now : null,
      updatedAt: now,
      version: row.version + 1,
    })
    .where(and(eq(deskEntries.id, row.id), eq(deskEntries.version, row.version)))
    .returning();
  if (!after) throw staleVersion(NOUN[row.register], row.version, row.version + 1);
  await recordEvent(tx, actor, now, {
    action: `desk.${row.register}_${action}`,
    entityType: 'desk_entry',
    entityId: row.id,
    projectId: row.projectId,
    before: { status: row.status },
    after: { status: move.to, ...opts.note },
  });
  return after;
}
