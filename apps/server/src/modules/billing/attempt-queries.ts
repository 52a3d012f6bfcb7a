import { maskPhone } from '@guanjia/shared';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { units } from '../org/schema';
import { residents } from '../residents/schema';
import {
  type AttemptChannel,
  type AttemptOutcome,
  type AttemptStatus,
  type CollectionAttemptRow,
  type CollectionTaskRow,
  collectionAttempts,
  collectionTasks,
} from './collection-schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Attempts as the API shows them, with the unit label, the resident and who logged it. */
export async function presentAttempts(db: DbOrTx, rows: CollectionAttemptRow[]) {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const residentIds = [...new Set(rows.flatMap((r) => (r.residentId ? [r.residentId] : [])))];
  const userIds = [...new Set(rows.flatMap((r) => (r.byId ? [r.byId] : [])))];
  const [unitRows, residentRows, userRows] = await Promise.all([
    db.select({ id: units.id, label: units.label }).from(units).where(inArray(units.id, unitIds)),
    residentIds.length
      ? db
          .select({ id: residents.id, name: residents.name })
          .from(residents)
          .where(inArray(residents.id, residentIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const label = new Map(unitRows.map((u) => [u.id, u.label]));
  const resident = new Map(residentRows.map((r) => [r.id, r.name]));
  const user = new Map(userRows.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel: label.get(r.unitId) ?? '',
    residentId: r.residentId,
    residentName: r.residentId ? (resident.get(r.residentId) ?? null) : null,
    campaignId: r.campaignId,
    level: r.level,
    channel: r.channel,
    status: r.status,
    outcome: r.outcome,
    scheduledAt: r.scheduledAt.toISOString(),
    attemptedAt: iso(r.attemptedAt),
    owedAmount: r.owedAmount,
    daysOverdue: r.daysOverdue,
    promisedDate: r.promisedDate,
    promisedAmount: r.promisedAmount,
    promiseState: r.promiseState,
    byId: r.byId,
    byName: r.byId ? (user.get(r.byId) ?? null) : null,
    note: r.note,
    message: r.message,
    taskId: r.taskId,
    hasLetter: r.channel === 'letter' && r.status === 'done',
  }));
}
export type PresentedAttempt = Awaited<ReturnType<typeof presentAttempts>>[number];

export interface AttemptFilter {
  projectId?: number;
  unitId?: number;
  channel?: AttemptChannel;
  outcome?: AttemptOutcome;
  status?: AttemptStatus;
  from?: string;
  to?: string;
}

export function attemptWhere(auth: AuthContext, q: AttemptFilter): SQL | undefined {
  const projectIds = q.projectId ? auth.projectIds.filter((p) => p === q.projectId) : [...auth.projectIds];
  return and(
    inArray(collectionAttempts.projectId, projectIds.length ? projectIds : [-1]),
    q.unitId ? eq(collectionAttempts.unitId, q.unitId) : undefined,
    q.channel ? eq(collectionAttempts.channel, q.channel) : undefined,
    q.outcome ? eq(collectionAttempts.outcome, q.outcome) : undefined,
    q.status ? eq(collectionAttempts.status, q.status) : undefined,
    q.from ? gte(collectionAttempts.scheduledAt, new Date(q.from)) : undefined,
    q.to ? lt(collectionAttempts.scheduledAt, new Date(q.to)) : undefined,
  );
}

export async function attemptRows(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select()
    .from(collectionAttempts)
    .where(where)
    .orderBy(desc(collectionAttempts.scheduledAt), desc(collectionAttempts.id))
    .limit(limit)
    .offset(offset);
}

/** Tasks as the API shows them; the contact phone is masked without pii.view. */
export async function presentTasks(db: DbOrTx, auth: AuthContext | null, rows: CollectionTaskRow[]) {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const userIds = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
  const [unitRows, userRows] = await Promise.all([
    db.select({ id: units.id, label: units.label }).from(units).where(inArray(units.id, unitIds)),
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
  ]);
  const label = new Map(unitRows.map((u) => [u.id, u.label]));
  const user = new Map(userRows.map((u) => [u.id, u.name]));
  const seePii = auth ? can(auth, 'pii.view') : false;
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel: label.get(r.unitId) ?? '',
    kind: r.kind,
    status: r.status,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? (user.get(r.assigneeId) ?? null) : null,
    agreedAt: iso(r.agreedAt),
    contactName: r.contactName,
    contactPhone: seePii || !r.contactPhone ? r.contactPhone : maskPhone(r.contactPhone),
    note: r.note,
    result: r.result,
    createdAt: r.createdAt.toISOString(),
    doneAt: iso(r.doneAt),
    version: r.version,
  }));
}

export async function unitTasks(db: DbOrTx, unitId: number) {
  return db
    .select()
    .from(collectionTasks)
    .where(eq(collectionTasks.unitId, unitId))
    .orderBy(desc(collectionTasks.createdAt))
    .limit(20);
}
