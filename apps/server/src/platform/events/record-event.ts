import type { DbOrTx } from '../db/client';
import { type EventSource, events } from './schema';

export interface Actor {
  /** null for rules, jobs and channels acting without a staff member. */
  userId: number | null;
  companyId: number;
  source: EventSource;
}

export interface EventInput {
  action: string;
  entityType: string;
  entityId: string | number;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Append one audit/timeline row inside the caller's transaction. */
export async function recordEvent(tx: DbOrTx, actor: Actor, at: Date, input: EventInput): Promise<void> {
  await tx.insert(events).values({
    occurredAt: at,
    companyId: actor.companyId,
    projectId: input.projectId ?? null,
    actorId: actor.userId,
    source: actor.source,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/** Only the fields that changed, so the audit log reads as "from → to". */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      from[key] = before[key];
      to[key] = after[key];
    }
  }
  return Object.keys(to).length ? { before: from, after: to } : null;
}
