import type { ResidentRelation } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import type { Attachment } from '../tickets/schema';
import type { BindingKind } from './rules/bindings';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One-time login codes for the resident portal; only a hash is kept. */
export const portalCodes = pgTable(
  'portal_codes',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    /** +86 form. */
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** Wrong guesses against this code; too many burn it. */
    failures: integer('failures').notNull().default(0),
    consumedAt: at('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('portal_codes_phone_idx').on(t.phone, t.createdAt)],
);

/** Resident sessions: separate from staff sessions, so a portal token can never reach the console API. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    phone: text('phone').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('portal_sessions_token_uq').on(t.tokenHash),
    index('portal_sessions_phone_idx').on(t.phone),
  ],
);

export const BINDING_STATUSES = ['待审核', '已通过', '已驳回'] as const;
export type BindingStatus = (typeof BINDING_STATUSES)[number];

/**
 * What a resident asks the front desk from the portal: the archive is the desk's, so every binding,
 * household addition and removal waits for a staff decision. One queue for all three kinds.
 */
export const portalBindingRequests = pgTable(
  'portal_binding_requests',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    unitId: ref('unit_id').notNull(),
    /** bind: the requester's own phone to a unit; member: an owner adds family/tenant; removal: drops one. */
    kind: text('kind').$type<BindingKind>().notNull(),
    status: text('status').$type<BindingStatus>().notNull().default('待审核'),
    /** The signed-in phone that asked (+86 form). */
    requesterPhone: text('requester_phone').notNull(),
    /** The person to bind: the requester for `bind`, the family member/tenant for `member`. */
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    relation: text('relation').$type<ResidentRelation>().notNull(),
    leaseEndsOn: date('lease_ends_on'),
    /** `removal`: the household member to unlink. */
    targetResidentId: ref('target_resident_id'),
    note: text('note'),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    rejectReason: text('reject_reason'),
    /** The archive record the approval created or linked. */
    residentId: ref('resident_id'),
    decidedBy: ref('decided_by'),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('portal_binding_requests_queue_idx').on(t.projectId, t.status, t.id),
    index('portal_binding_requests_requester_idx').on(t.companyId, t.requesterPhone, t.id),
    // One open request per person and unit: a second tap on "submit" does not queue a duplicate.
    uniqueIndex('portal_binding_requests_pending_uq')
      .on(t.unitId, t.phone, t.kind)
      .where(sql`${t.status} = '待审核'`),
  ],
);
