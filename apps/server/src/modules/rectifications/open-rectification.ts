import type { NonconformanceType, RectificationSource } from '@guanjia/shared';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { departmentLeader, notifyAbout } from './recipients';
import { type RectificationRow, rectifications } from './schema';

export interface OpenRectificationProps {
  projectId: number;
  sourceType: RectificationSource;
  sourceId?: number | null;
  sourceItemId?: number | null;
  title: string;
  detail?: string;
  location?: string | null;
  buildingId?: number | null;
  unitId?: number | null;
  ncType?: NonconformanceType | null;
  departmentId?: number | null;
  ownerId?: number | null;
  checkerId?: number | null;
  findingPhotoIds?: number[];
  deadline: Date;
}

/**
 * Opens one 整改单 inside the caller's transaction, so a source module (an inspection's submit, a
 * survey's analysis, a decoration site check, a move-in defect) opens its items atomically with its own
 * change. The row writes its own audit event, and its owner and the department's head hear of it in the
 * same transaction; pass `outbox` to have their bells ring once the caller commits (publish it after).
 */
export async function openRectification(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  props: OpenRectificationProps,
  outbox: BusMessage[] = [],
): Promise<RectificationRow> {
  const [row] = await tx
    .insert(rectifications)
    .values({
      ...props,
      companyId: actor.companyId,
      checkerId: props.checkerId ?? actor.userId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordEvent(tx, actor, now, {
    action: 'rectification.opened',
    entityType: 'rectification',
    entityId: row.id,
    projectId: row.projectId,
    after: {
      sourceType: row.sourceType,
      sourceId: row.sourceId,
      title: row.title,
      departmentId: row.departmentId,
      ownerId: row.ownerId,
      deadline: row.deadline.toISOString(),
    },
  });
  const leader = await departmentLeader(tx, row.departmentId);
  await notifyAbout(
    { tx, now, outbox },
    row,
    [row.ownerId, leader].filter((u) => u !== actor.userId),
    'rectification.opened',
    `整改单:${row.title}`,
    `${row.location ? `${row.location} · ` : ''}${row.detail || row.title}`,
  );
  return row;
}
