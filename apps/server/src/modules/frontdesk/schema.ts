import type { DeskRegister, DeskStatus } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';

/**
 * One record of any front-desk register (访客通行证, 代收快递, 物品出门条, 钥匙签收, 借用): the engine's
 * common columns, with the register's own fields in `details`. The gate finds a record by its code.
 */
export const deskEntries = pgTable(
  'desk_entries',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    register: text('register').$type<DeskRegister>().notNull(),
    code: text('code').notNull(),
    status: text('status').$type<DeskStatus>().notNull(),
    /** desk / gate / portal: where it was registered. */
    source: text('source').notNull().default('desk'),
    unitId: ref('unit_id'),
    residentId: ref('resident_id'),
    /** The visitor, the parcel's recipient, the applicant or the borrower. */
    name: text('name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** The key or loan item signed out (desk_items). */
    itemId: ref('item_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Arrears / decoration flags found when an item release was applied for or approved. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    validFrom: at('valid_from'),
    validUntil: at('valid_until'),
    /** null: unlimited uses (a long-term pass). */
    usesAllowed: integer('uses_allowed'),
    usesCount: integer('uses_count').notNull().default(0),
    /** Expected return (keys, loans). */
    dueAt: at('due_at'),
    remindedAt: at('reminded_at'),
    closedAt: at('closed_at'),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('desk_entries_code_uq').on(t.code),
    index('desk_entries_list_idx').on(t.projectId, t.register, t.status, t.id),
    index('desk_entries_unit_idx').on(t.unitId, t.register),
    // The sweep reads open records by register and time.
    index('desk_entries_open_idx').on(t.register, t.status, t.createdAt).where(sql`closed_at is null`),
  ],
);
export type DeskEntryRow = typeof deskEntries.$inferSelect;

/** Key inventory (钥匙: units in custody, equipment rooms) and loanable items (轮椅、雨伞、工具). */
export const deskItems = pgTable(
  'desk_items',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    register: text('register').$type<'key' | 'loan'>().notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    unitId: ref('unit_id'),
    location: text('location').notNull().default(''),
    status: text('status').$type<'在库' | '借出' | '停用'>().notNull().default('在库'),
    /** 保管钥匙委托书 on file (an upload). */
    agreementUploadId: ref('agreement_upload_id'),
    note: text('note').notNull().default(''),
    /** The open sign-out (desk_entries), while 借出. */
    openEntryId: ref('open_entry_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('desk_items_list_idx').on(t.projectId, t.register, t.id)],
);
export type DeskItemRow = typeof deskItems.$inferSelect;
