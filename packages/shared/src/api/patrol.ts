import { z } from 'zod';
import { isoDate, isoTime, nullableTime, page } from './common';

/** 巡检路线 / 巡更 (issue 16): routes of QR points, patrols generated from their schedule, check-ins. */

export const PATROL_ROUTE_KINDS = ['security', 'engineering'] as const;
export type PatrolRouteKind = (typeof PATROL_ROUTE_KINDS)[number];
export const PATROL_STATUSES = ['待巡', '进行中', '已完成', '漏检'] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];
export const PATROL_GRADES = ['按时', '提前', '迟到', '漏检'] as const;
export type PatrolGrade = (typeof PATROL_GRADES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 20:00');

/**
 * When patrols of a route start, on the project's clock: from `from`, every `everyMinutes`, while before
 * `to` (a `to` at or before `from` is the next morning: 20:00–06:00 every 120 = 20, 22, 0, 2, 4 o'clock).
 * `weekdays` (0 = Sunday) limits the days a first patrol of the night may start on; empty = every day.
 */
export const patrolScheduleSchema = z.object({
  from: hhmm,
  to: hhmm,
  everyMinutes: z
    .number()
    .int()
    .min(15)
    .max(7 * 24 * 60),
  weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
});
export type PatrolSchedule = z.infer<typeof patrolScheduleSchema>;

/**
 * A point's window: `offsetMinutes` after the patrol's start (± the route's tolerance), or a clock
 * window `clockFrom`–`clockTo` on the patrol's night.
 */
export const patrolPointInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
    name: z.string().trim().min(1).max(60),
    place: z.string().trim().max(100).default(''),
    equipmentId: z.number().int().positive().nullish(),
    offsetMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullish(),
    clockFrom: hhmm.nullish(),
    clockTo: hhmm.nullish(),
  })
  .refine((p) => (p.offsetMinutes ?? null) !== null || (p.clockFrom && p.clockTo), {
    message: 'a point needs an offset or a clock window',
    path: ['offsetMinutes'],
  });
export type PatrolPointInput = z.infer<typeof patrolPointInput>;

export const createPatrolRouteBody = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(PATROL_ROUTE_KINDS),
  schedule: patrolScheduleSchema,
  /** Minutes either side of a point's due time that still count as 按时. */
  toleranceMinutes: z.number().int().min(0).max(240).default(10),
  active: z.boolean().default(true),
  points: z.array(patrolPointInput).min(1).max(60),
});
export type CreatePatrolRouteBody = z.infer<typeof createPatrolRouteBody>;

/** Absent = unchanged; `points` replaces the whole ordered list (patrols already generated keep theirs). */
export const editPatrolRouteBody = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(60).optional(),
  kind: z.enum(PATROL_ROUTE_KINDS).optional(),
  schedule: patrolScheduleSchema.optional(),
  toleranceMinutes: z.number().int().min(0).max(240).optional(),
  active: z.boolean().optional(),
  points: z.array(patrolPointInput).min(1).max(60).optional(),
});
export type EditPatrolRouteBody = z.infer<typeof editPatrolRouteBody>;

export const patrolRouteListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const patrolPointSchema = z.object({
  id: z.number(),
  seq: z.number(),
  code: z.string(),
  name: z.string(),
  place: z.string(),
  equipmentId: z.number().nullable(),
  offsetMinutes: z.number().nullable(),
  clockFrom: z.string().nullable(),
  clockTo: z.string().nullable(),
  /** What the label's QR code holds (GJ1:PT:<project>:<code>). */
  qr: z.string(),
});
export type PatrolPoint = z.infer<typeof patrolPointSchema>;

export const patrolRouteSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  kind: z.enum(PATROL_ROUTE_KINDS),
  schedule: patrolScheduleSchema,
  toleranceMinutes: z.number(),
  active: z.boolean(),
  points: z.array(patrolPointSchema),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type PatrolRoute = z.infer<typeof patrolRouteSchema>;
export const patrolRoutePageSchema = page(patrolRouteSchema);

export const patrolCheckSchema = z.object({
  pointId: z.number(),
  seq: z.number(),
  code: z.string(),
  name: z.string(),
  place: z.string(),
  windowFrom: isoTime,
  windowTo: isoTime,
  scannedAt: nullableTime,
  scannedById: z.number().nullable(),
  scannedByName: z.string().nullable(),
  /** null while the point is still open. */
  grade: z.enum(PATROL_GRADES).nullable(),
});
export type PatrolCheck = z.infer<typeof patrolCheckSchema>;

export const patrolSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  routeId: z.number(),
  routeName: z.string(),
  kind: z.enum(PATROL_ROUTE_KINDS),
  startsAt: isoTime,
  /** After this the points not scanned are 漏检 and the patrol is closed. */
  closesAt: isoTime,
  status: z.enum(PATROL_STATUSES),
  closedAt: nullableTime,
  checks: z.array(patrolCheckSchema),
  counts: z.object({
    planned: z.number(),
    scanned: z.number(),
    onTime: z.number(),
    early: z.number(),
    late: z.number(),
    missed: z.number(),
  }),
  version: z.number(),
});
export type Patrol = z.infer<typeof patrolSchema>;
export const patrolPageSchema = page(patrolSchema);

export const patrolListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  routeId: z.coerce.number().int().positive().optional(),
  /** The project's calendar day the patrol starts on. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  status: z.enum(PATROL_STATUSES).optional(),
  /** Open patrols starting before now + 2 h (the phone's "to do now"). */
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const checkinBody = z.object({ code: z.string().trim().min(1).max(500) });
export type CheckinBody = z.infer<typeof checkinBody>;
export const checkinResultSchema = z.object({
  patrol: patrolSchema,
  pointId: z.number(),
  /** false when the point had been scanned already (a repeat scan changes nothing). */
  recorded: z.boolean(),
  grade: z.enum(PATROL_GRADES),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;

export const monthQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11'),
});

export const missedPointSchema = z.object({
  patrolId: z.number(),
  routeName: z.string(),
  pointName: z.string(),
  place: z.string(),
  windowFrom: isoTime,
  windowTo: isoTime,
});
export const missedPointPageSchema = page(missedPointSchema);

export const patrolRouteStatsSchema = z.object({
  routeId: z.number(),
  routeName: z.string(),
  patrols: z.number(),
  planned: z.number(),
  onTime: z.number(),
  early: z.number(),
  late: z.number(),
  missed: z.number(),
});
/** R12's patrol part: points planned and how they went, per route and in all, for one month. */
export const patrolMonthStatsSchema = z.object({
  month: z.string(),
  planned: z.number(),
  onTime: z.number(),
  early: z.number(),
  late: z.number(),
  missed: z.number(),
  /** On time / planned, 0–1 (null with nothing planned). */
  onTimeRate: z.number().nullable(),
  routes: z.array(patrolRouteStatsSchema),
  days: z.array(z.object({ date: isoDate, planned: z.number(), onTime: z.number(), missed: z.number() })),
});
export type PatrolMonthStats = z.infer<typeof patrolMonthStatsSchema>;
