import { APPROVAL_STATUSES, TEMPLATE_KINDS } from '@guanjia/shared/api';
import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

export { APPROVAL_STATUSES, TEMPLATE_KINDS };
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * A saved message text with {小区}/{楼栋}/{开始时间}… variables. projectId null = company-wide; a
 * project row with the same code overrides the company's for that project.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').references(() => projects.id),
    /** Stable name shared by a company template and its project overrides ("planned-water"). */
    code: text('code').notNull(),
    kind: text('kind').$type<TemplateKind>().notNull(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // One company-wide row per code (project null) and one override per project and code.
    unique('message_templates_scope_code_uq').on(t.companyId, t.projectId, t.code).nullsNotDistinct(),
    index('message_templates_project_idx').on(t.projectId),
  ],
);
export type MessageTemplateRow = typeof messageTemplates.$inferSelect;

export const BROADCAST_KINDS = ['incident', 'notice'] as const;
export type BroadcastKind = (typeof BROADCAST_KINDS)[number];
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * A mass send held back because it reaches more residents than the project's threshold: a second
 * person with notices.approve lets it go out (or refuses it). The incident's input or the notice id
 * is kept so approving sends exactly what was requested.
 */
export const broadcastApprovals = pgTable(
  'broadcast_approvals',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<BroadcastKind>().notNull(),
    title: text('title').notNull(),
    /** The incident input as posted (kind = incident). */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    noticeId: ref('notice_id'),
    noticeVersion: integer('notice_version'),
    recipients: integer('recipients').notNull(),
    threshold: integer('threshold').notNull(),
    status: text('status').$type<ApprovalStatus>().notNull().default('待批准'),
    requestedById: ref('requested_by_id').notNull(),
    requestedAt: at('requested_at').notNull(),
    decidedById: ref('decided_by_id'),
    decidedAt: at('decided_at'),
    reason: text('reason'),
    /** The incident created or the notice published when approved. */
    resultId: ref('result_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('broadcast_approvals_project_status_idx').on(t.projectId, t.status, t.id)],
);
export type BroadcastApprovalRow = typeof broadcastApprovals.$inferSelect;
