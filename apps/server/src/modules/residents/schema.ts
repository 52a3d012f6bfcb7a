import type { ContactChannel, ResidentRelation } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';

export const residents = pgTable(
  'residents',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    /** Full pinyin and initials, lower-case, so agents can type "zsf" or "zhang". */
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    gender: text('gender').$type<'男' | '女'>(),
    idNumber: text('id_number'),
    email: text('email'),
    vip: boolean('vip').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    birthday: date('birthday'),
    preferredChannel: text('preferred_channel').$type<ContactChannel>(),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('residents_project_name_idx').on(t.projectId, t.name.op('text_pattern_ops')),
    index('residents_project_initials_idx').on(t.projectId, t.nameInitials.op('text_pattern_ops')),
    index('residents_project_pinyin_idx').on(t.projectId, t.namePinyin.op('text_pattern_ops')),
    index('residents_project_id_idx').on(t.projectId, t.id),
    index('residents_id_number_idx').on(t.projectId, t.idNumber),
  ],
);

/** Phones in normalised +86 form; `national` is the caller-ID lookup key, `reversed` serves tail search. */
export const residentPhones = pgTable(
  'resident_phones',
  {
    id: id(),
    residentId: ref('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    raw: text('raw').notNull(),
    e164: text('e164').notNull(),
    national: text('national').notNull(),
    reversed: text('reversed').notNull(),
    kind: text('kind').$type<'mobile' | 'landline' | 'service'>().notNull(),
    extension: text('extension'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('resident_phones_e164_idx').on(t.e164),
    index('resident_phones_project_national_idx').on(t.projectId, t.national.op('text_pattern_ops')),
    index('resident_phones_project_reversed_idx').on(t.projectId, t.reversed.op('text_pattern_ops')),
    index('resident_phones_resident_idx').on(t.residentId),
    uniqueIndex('resident_phones_resident_e164_uq').on(t.residentId, t.e164),
  ],
);

export const residentUnits = pgTable(
  'resident_units',
  {
    residentId: ref('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    projectId: ref('project_id').notNull(),
    relation: text('relation').$type<ResidentRelation>().notNull(),
    /** 租户 only: the lease end the owner gave when adding the tenant from the portal. */
    leaseEndsOn: date('lease_ends_on'),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.unitId] }), index('resident_units_unit_idx').on(t.unitId)],
);
