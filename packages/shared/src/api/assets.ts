import { z } from 'zod';
import {
  CHECK_ITEM_KINDS,
  EQUIPMENT_IMPORTANCE,
  EQUIPMENT_STATUSES,
  EQUIPMENT_SYSTEMS,
  FREQUENCY_KINDS,
  PHOTO_RULES,
  PLAN_BASES,
  PLAN_TARGETS,
  TASK_STATUSES,
} from '../assets';
import { WORK_ORDER_STATUSES } from '../tickets';
import { isoDate, isoTime, itemsOf, nullableTime, page } from './common';
import { patchOf } from './patch-schema';

/** Request and response schemas of 工程管理: equipment ledger, plans, inspection tasks, R12. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const equipmentSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  code: z.string(),
  name: z.string(),
  system: z.string(),
  type: z.string(),
  location: z.string(),
  brand: z.string(),
  model: z.string(),
  supplier: z.string(),
  maintainer: z.string(),
  contractorId: z.number().nullable(),
  installDate: isoDate.nullable(),
  warrantyEnd: isoDate.nullable(),
  /** The warranty ends within the reminder window (Q72). */
  warrantyEnding: z.boolean(),
  importance: z.enum(EQUIPMENT_IMPORTANCE),
  status: z.enum(EQUIPMENT_STATUSES),
  statusSince: nullableTime,
  documentIds: z.array(z.number()),
  photoIds: z.array(z.number()),
  notes: z.string(),
  /** What its QR label holds (GJ1:EQ:<project>:<code>). */
  qr: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type Equipment = z.infer<typeof equipmentSchema>;
export const equipmentPageSchema = page(equipmentSchema);

export const equipmentInput = z.object({
  projectId: z.number().int().positive(),
  code: text(40)
    .min(1)
    .regex(/^[^\s:]+$/, 'no spaces or colons'),
  name: text(100).min(1),
  system: z.enum(EQUIPMENT_SYSTEMS),
  type: text(40).default(''),
  location: text(100).default(''),
  brand: text(60).default(''),
  model: text(60).default(''),
  supplier: text(100).default(''),
  maintainer: text(100).default(''),
  contractorId: z.number().int().positive().nullish(),
  installDate: day.nullish(),
  warrantyEnd: day.nullish(),
  importance: z.enum(EQUIPMENT_IMPORTANCE).default('B'),
  status: z.enum(EQUIPMENT_STATUSES).default('运行'),
  documentIds: z.array(z.number().int().positive()).max(50).default([]),
  photoIds: z.array(z.number().int().positive()).max(50).default([]),
  notes: text(2000).default(''),
});
export type EquipmentInput = z.input<typeof equipmentInput>;

/** A patch names only what changes: no defaults here, or a field left out would be reset. */
export const equipmentPatch = z.object({
  version: z.number().int().positive(),
  code: equipmentInput.shape.code.optional(),
  name: equipmentInput.shape.name.optional(),
  system: z.enum(EQUIPMENT_SYSTEMS).optional(),
  type: text(40).optional(),
  location: text(100).optional(),
  brand: text(60).optional(),
  model: text(60).optional(),
  supplier: text(100).optional(),
  maintainer: text(100).optional(),
  contractorId: z.number().int().positive().nullish(),
  installDate: day.nullish(),
  warrantyEnd: day.nullish(),
  importance: z.enum(EQUIPMENT_IMPORTANCE).optional(),
  documentIds: z.array(z.number().int().positive()).max(50).optional(),
  photoIds: z.array(z.number().int().positive()).max(50).optional(),
  notes: text(2000).optional(),
});

export const equipmentStatusBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(EQUIPMENT_STATUSES),
  reason: text(200).default(''),
});

export const equipmentListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  q: text(60).optional(),
  system: z.enum(EQUIPMENT_SYSTEMS).optional(),
  status: z.enum(EQUIPMENT_STATUSES).optional(),
  importance: z.enum(EQUIPMENT_IMPORTANCE).optional(),
  warrantyEnding: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  ...pageQuery,
});

export const statusChangeSchema = z.object({
  id: z.number(),
  fromStatus: z.enum(EQUIPMENT_STATUSES).nullable(),
  toStatus: z.enum(EQUIPMENT_STATUSES),
  at: isoTime,
  reason: z.string(),
  workOrderId: z.number().nullable(),
});

export const taskSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  planId: z.number(),
  planName: z.string(),
  equipmentId: z.number().nullable(),
  equipmentCode: z.string().nullable(),
  equipmentName: z.string().nullable(),
  location: z.string().nullable(),
  system: z.string(),
  title: z.string(),
  dueDate: isoDate,
  slot: z.number(),
  dueAt: isoTime,
  expiresAt: isoTime,
  status: z.enum(TASK_STATUSES),
  /** Pending past its due time. */
  overdue: z.boolean(),
  onTime: z.boolean().nullable(),
  completedAt: nullableTime,
  checklistVersion: z.number(),
  defects: z.number(),
});
export type InspectionTask = z.infer<typeof taskSchema>;
export const taskPageSchema = page(taskSchema);

export const taskListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  /** A day (YYYY-MM-DD), or `today` / `overdue`. */
  due: z.union([day, z.enum(['today', 'overdue'])]).optional(),
  from: day.optional(),
  to: day.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  equipmentId: z.coerce.number().int().positive().optional(),
  planId: z.coerce.number().int().positive().optional(),
  system: z.enum(EQUIPMENT_SYSTEMS).optional(),
  ...pageQuery,
});

export const checkItemSchema = z.object({
  id: text(40).min(1),
  label: text(100).min(1),
  kind: z.enum(CHECK_ITEM_KINDS),
  min: z.number().nullish(),
  max: z.number().nullish(),
  unit: text(20).nullish(),
  photo: z.enum(PHOTO_RULES).default('none'),
});

export const resultSchema = z.object({
  itemId: z.string(),
  pass: z.boolean().nullable(),
  value: z.number().nullable(),
  text: z.string().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.number()),
  failed: z.boolean(),
  /** The repair work order this failure created or joined, with its status (its completion shows here). */
  workOrderId: z.number().nullable(),
  workOrderNumber: z.string().nullable(),
  workOrderStatus: z.enum(WORK_ORDER_STATUSES).nullable(),
  recordedAt: isoTime,
});
export type InspectionResult = z.infer<typeof resultSchema>;

export const taskDetailSchema = taskSchema.extend({
  items: z.array(checkItemSchema),
  results: z.array(resultSchema),
});
export type InspectionTaskDetail = z.infer<typeof taskDetailSchema>;

export const submitResultsBody = z.object({
  idempotencyKey: z.string().trim().min(1).max(100),
  items: z
    .array(
      z.object({
        itemId: text(40).min(1),
        pass: z.boolean().nullish(),
        value: z.number().finite().nullish(),
        text: text(2000).nullish(),
        note: text(500).nullish(),
        photoIds: z.array(z.number().int().positive()).max(10).optional(),
      }),
    )
    .min(1)
    .max(100),
  /** false: save these answers only (an offline phone sending what it has); the task completes when all are in. */
  complete: z.boolean().default(true),
});
export type SubmitResultsBody = z.input<typeof submitResultsBody>;

export const equipmentDetailSchema = equipmentSchema.extend({
  statusChanges: z.array(statusChangeSchema),
  openWorkOrders: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      status: z.enum(WORK_ORDER_STATUSES),
      ticketId: z.number(),
    }),
  ),
  nextTasks: z.array(taskSchema),
  recentTasks: z.array(taskSchema),
  documents: z.array(z.object({ id: z.number(), name: z.string(), url: z.string() })),
});
export type EquipmentDetail = z.infer<typeof equipmentDetailSchema>;

export const frequencySchema = z.object({
  kind: z.enum(FREQUENCY_KINDS),
  n: z.number().int().min(1).max(366).optional(),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  timesPerDay: z.number().int().min(1).max(24).optional(),
});

export const planSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  system: z.string(),
  target: z.enum(PLAN_TARGETS),
  equipmentId: z.number().nullable(),
  equipmentType: z.string().nullable(),
  templateKey: z.string().nullable(),
  frequency: frequencySchema,
  basis: z.enum(PLAN_BASES),
  skipHolidays: z.boolean(),
  startDate: isoDate,
  active: z.boolean(),
  generatedUntil: isoDate.nullable(),
  missedWarningAt: nullableTime,
  checklistId: z.number(),
  checklistVersion: z.number(),
  items: z.array(checkItemSchema),
  version: z.number(),
});
export type MaintenancePlan = z.infer<typeof planSchema>;
export const planPageSchema = page(planSchema);

export const planInput = z.object({
  projectId: z.number().int().positive(),
  name: text(100).min(1),
  system: z.enum(EQUIPMENT_SYSTEMS),
  target: z.enum(PLAN_TARGETS),
  equipmentId: z.number().int().positive().nullish(),
  equipmentType: text(40).nullish(),
  frequency: frequencySchema,
  basis: z.enum(PLAN_BASES).default('due'),
  skipHolidays: z.boolean().default(false),
  startDate: day,
  items: z.array(checkItemSchema).min(1).max(50),
});
/** Changing items writes a new checklist version; tasks already generated keep theirs. */
export const planPatch = patchOf(
  planInput.omit({ projectId: true, system: true, target: true, equipmentId: true, equipmentType: true }),
).extend({ version: z.number().int().positive(), active: z.boolean().optional() });

export const planListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  system: z.enum(EQUIPMENT_SYSTEMS).optional(),
  warned: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const planTemplateSchema = z.object({
  key: z.string(),
  system: z.string(),
  row: z.string(),
  name: z.string(),
  frequency: frequencySchema,
  basis: z.enum(PLAN_BASES),
  equipmentType: z.string().nullable(),
  items: z.array(checkItemSchema),
});
export const planTemplateListSchema = itemsOf(planTemplateSchema);

export const generatePlansBody = z.object({
  projectId: z.number().int().positive(),
  systems: z.array(z.enum(EQUIPMENT_SYSTEMS)).min(1),
  startDate: day.optional(),
});
export const generatePlansResultSchema = z.object({
  created: z.number(),
  skipped: z.number(),
  tasks: z.number(),
});

export const scanQuery = z.object({ code: z.string().trim().min(1).max(300) });
export const scanResultSchema = z.object({
  kind: z.enum(['equipment', 'patrolPoint', 'building']),
  projectId: z.number(),
  code: z.string(),
  equipmentId: z.number().nullable(),
  /** The console/phone path to open. */
  path: z.string().nullable(),
});

export const maintenanceReportQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export const maintenanceReportSchema = z.object({
  projectId: z.number(),
  month: z.string(),
  bySystem: z.array(
    z.object({
      system: z.string(),
      planned: z.number(),
      done: z.number(),
      onTime: z.number(),
      missed: z.number(),
      /** done / planned, 0–1 (null when nothing was planned). */
      completionRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      defects: z.number(),
    }),
  ),
  totals: z.object({
    planned: z.number(),
    done: z.number(),
    onTime: z.number(),
    missed: z.number(),
    completionRate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    defects: z.number(),
  }),
  /** Availability per system: 1 − downtime / (pieces × hours of the month). */
  availability: z.array(
    z.object({ system: z.string(), pieces: z.number(), downHours: z.number(), rate: z.number() }),
  ),
  /** Mean time to repair of equipment repair work orders finished in the month, in hours. */
  mttrHours: z.number().nullable(),
  repairs: z.number(),
  /** 巡更漏检 from patrol routes (helper patrol fills this in); null until patrols exist. */
  missedPatrolPoints: z.number(),
});
export type MaintenanceReport = z.infer<typeof maintenanceReportSchema>;

export const equipmentImportResultSchema = z.object({
  created: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
