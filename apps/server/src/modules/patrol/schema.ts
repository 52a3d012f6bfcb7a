import type { PatrolGrade, PatrolRouteKind, PatrolSchedule, PatrolStatus } from '@guanjia/shared/api';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

/** 巡检路线 / 巡更路线: an ordered list of QR points walked on a schedule. */
export const patrolRoutes = pgTable(
  'patrol_routes',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    kind: text('kind').$type<PatrolRouteKind>().notNull(),
    schedule: jsonb('schedule').$type<PatrolSchedule>().notNull(),
    toleranceMinutes: integer('tolerance_minutes').notNull().default(10),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('patrol_routes_project_name_uq').on(t.projectId, t.name)],
);
export type PatrolRouteRow = typeof patrolRoutes.$inferSelect;

/**
 * A point of a route: a QR label at a place or on a piece of equipment. equipment_id has no foreign key:
 * the equipment ledger is the assets module's table, and a point outlives a scrapped machine.
 */
export const patrolPoints = pgTable(
  'patrol_points',
  {
    id: id(),
    routeId: ref('route_id')
      .notNull()
      .references(() => patrolRoutes.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    place: text('place').notNull().default(''),
    equipmentId: ref('equipment_id'),
    offsetMinutes: integer('offset_minutes'),
    clockFrom: text('clock_from'),
    clockTo: text('clock_to'),
  },
  (t) => [
    // A label's code is unique in the project: a scan names one point.
    uniqueIndex('patrol_points_project_code_uq').on(t.projectId, t.code),
    index('patrol_points_route_idx').on(t.routeId, t.seq),
  ],
);
export type PatrolPointRow = typeof patrolPoints.$inferSelect;

/** One walk of a route, generated from its schedule; its checks are copied from the route's points. */
export const patrols = pgTable(
  'patrols',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    routeId: ref('route_id')
      .notNull()
      .references(() => patrolRoutes.id),
    routeName: text('route_name').notNull(),
    kind: text('kind').$type<PatrolRouteKind>().notNull(),
    startsAt: at('starts_at').notNull(),
    closesAt: at('closes_at').notNull(),
    status: text('status').$type<PatrolStatus>().notNull().default('待巡'),
    closedAt: at('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // The generator may run on several nodes and again after a restart: one patrol per route and start.
    uniqueIndex('patrols_route_start_uq').on(t.routeId, t.startsAt),
    index('patrols_project_start_idx').on(t.projectId, t.startsAt),
    index('patrols_open_idx').on(t.status, t.closesAt),
  ],
);
export type PatrolRow = typeof patrols.$inferSelect;

/** A point of one patrol: its window, when it was scanned and by whom, and its grade. */
export const patrolChecks = pgTable(
  'patrol_checks',
  {
    id: id(),
    patrolId: ref('patrol_id')
      .notNull()
      .references(() => patrols.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    pointId: ref('point_id').notNull(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    place: text('place').notNull().default(''),
    windowFrom: at('window_from').notNull(),
    windowTo: at('window_to').notNull(),
    scannedAt: at('scanned_at'),
    scannedById: ref('scanned_by_id'),
    grade: text('grade').$type<PatrolGrade>(),
  },
  (t) => [
    uniqueIndex('patrol_checks_patrol_point_uq').on(t.patrolId, t.pointId),
    index('patrol_checks_project_window_idx').on(t.projectId, t.windowFrom),
  ],
);
export type PatrolCheckRow = typeof patrolChecks.$inferSelect;
