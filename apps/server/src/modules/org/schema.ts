import type { ProjectKind, UnitStatus, UnitType } from '@guanjia/shared';
import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { companies } from '../../platform/auth/schema';
import { createdAt, id, ref, timeZone, updatedAt, version } from '../../platform/db/columns';

/** One service period of a working day, minutes after local midnight. */
export interface WorkPeriod {
  start: string;
  end: string;
}
export interface BusinessHours {
  /** Index 0 = Monday … 6 = Sunday; an empty list is a day off. */
  weekdays: WorkPeriod[][];
  holidays: string[];
  /** 调休: weekend dates that are working days, using the Monday periods. */
  extraWorkdays: string[];
}

export const projects = pgTable(
  'projects',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<ProjectKind>().notNull().default('住宅'),
    address: text('address'),
    households: integer('households'),
    areaM2: numeric('area_m2', { precision: 12, scale: 2, mode: 'number' }),
    servicePhone: text('service_phone'),
    /** Telephone area code used to complete local numbers ("021"). */
    areaCode: text('area_code'),
    timezone: timeZone('timezone', 'projects.timezone').notNull().default('Asia/Shanghai'),
    businessHours: jsonb('business_hours').$type<BusinessHours>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('projects_company_code_uq').on(t.companyId, t.code)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    floors: integer('floors'),
    entrances: integer('entrances'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('buildings_project_code_uq').on(t.projectId, t.code)],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    buildingId: ref('building_id')
      .notNull()
      .references(() => buildings.id),
    entrance: text('entrance'),
    floor: integer('floor'),
    room: text('room').notNull(),
    /** "3-2-1201": building code, entrance, room — what residents and agents say. */
    label: text('label').notNull(),
    type: text('type').$type<UnitType>().notNull().default('住宅'),
    status: text('status').$type<UnitStatus>().notNull().default('空置'),
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }),
    /** 套内面积, for fee items charged on it instead of the 建筑面积 (area_m2). */
    innerAreaM2: numeric('inner_area_m2', { precision: 10, scale: 2, mode: 'number' }),
    handoverDate: date('handover_date'),
    warrantyUntil: date('warranty_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('units_project_label_uq').on(t.projectId, t.label),
    index('units_building_idx').on(t.buildingId, t.label),
    index('units_label_prefix_idx').on(t.projectId, t.label.op('text_pattern_ops')),
  ],
);

export const emptyBusinessHours = (): BusinessHours => ({
  weekdays: [[], [], [], [], [], [], []],
  holidays: [],
  extraWorkdays: [],
});

// Shanghai property service centres open 08:30–12:00 and 13:30–18:00, seven days a week.
export const defaultBusinessHours = (): BusinessHours => ({
  weekdays: Array.from({ length: 7 }, () => [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ]),
  holidays: [],
  extraWorkdays: [],
});
