import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { buildings, projects } from '../org/schema';

/**
 * 片区 (issue 19): a set of buildings of one project looked after by a butler (管家) and a deputy.
 * Residents, tickets, visits and surveys of the zone's buildings are the butler's; quality rankings
 * (片区评比) and analytics group by it.
 */
export const zones = pgTable(
  'zones',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    butlerId: ref('butler_id').references(() => users.id),
    deputyId: ref('deputy_id').references(() => users.id),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('zones_project_code_uq').on(t.projectId, t.code)],
);
export type ZoneRow = typeof zones.$inferSelect;

/** A building belongs to at most one zone. */
export const zoneBuildings = pgTable(
  'zone_buildings',
  {
    zoneId: ref('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    buildingId: ref('building_id')
      .notNull()
      .references(() => buildings.id),
    projectId: ref('project_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.buildingId] }),
    uniqueIndex('zone_buildings_building_uq').on(t.buildingId),
    index('zone_buildings_project_idx').on(t.projectId),
  ],
);

/**
 * A user limited to zones (typically a 管家): their lists show only the households of these zones'
 * buildings. No row = no zone limit (the project scope alone), so existing users are unchanged.
 */
export const userZones = pgTable(
  'user_zones',
  {
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    zoneId: ref('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.zoneId] }), index('user_zones_zone_idx').on(t.zoneId)],
);
