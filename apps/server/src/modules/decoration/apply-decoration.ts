import { randomBytes } from 'node:crypto';
import { zonedDay } from '@guanjia/shared';
import type { DecorationBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { getSetting } from '../../platform/settings/get-setting';
import { projectZone } from '../patrol/route-queries';
import { decorations, decorationWorkers } from './schema';
import { DEPOSIT_DEFAULT_FEN } from './settings';

/**
 * A worker pass's QR payload: DW-<project>-<random>, unguessable so a photo of someone else's is not a
 * key. (Not a GJ1 label: those name fixed things — equipment, points, buildings — not people.)
 */
export const newPassCode = (projectId: number) => `DW-${projectId}-${randomBytes(9).toString('base64url')}`;

/**
 * 装修申请: at the desk or from the portal. The case starts 'applied' with the suggested deposit; the
 * workers get their pass codes now (usable only once the permit is issued).
 */
export async function applyDecoration(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  p: DecorationBody & { companyId: number; projectId: number; source: 'desk' | 'portal' },
) {
  const tz = await projectZone(tx, p.projectId);
  const deposit = await getSetting(tx, DEPOSIT_DEFAULT_FEN, {
    companyId: p.companyId,
    projectId: p.projectId,
  });
  const { workers, ...fields } = p;
  const [row] = await tx
    .insert(decorations)
    .values({
      ...fields,
      number: `tmp-${randomBytes(6).toString('hex')}`,
      depositFen: deposit,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  const number = `ZX${zonedDay(now, tz).replace(/-/g, '')}${String(row.id).padStart(4, '0')}`;
  await tx.update(decorations).set({ number }).where(eq(decorations.id, row.id));
  if (workers.length)
    await tx.insert(decorationWorkers).values(
      workers.map((w) => ({
        ...w,
        decorationId: row.id,
        passCode: newPassCode(p.projectId),
        createdAt: now,
      })),
    );
  await recordEvent(tx, actor, now, {
    action: 'decoration.applied',
    entityType: 'decoration',
    entityId: row.id,
    projectId: row.projectId,
    after: {
      number,
      unitId: row.unitId,
      company: row.company,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      source: p.source,
    },
  });
  return { ...row, number };
}
