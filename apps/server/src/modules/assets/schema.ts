import type {
  CheckItem,
  EquipmentImportance,
  EquipmentStatus,
  Frequency,
  PlanBasis,
  PlanTarget,
  TaskStatus,
} from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

/** 设备台账: one piece of equipment of a project; its code is unique in the project and is on its QR label. */
export const equipment = pgTable(
  'equipment',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    system: text('system').notNull(),
    type: text('type').notNull().default(''),
    /** Building / floor / room as people say it (3号楼 B1 水泵房). */
    location: text('location').notNull().default(''),
    brand: text('brand').notNull().default(''),
    model: text('model').notNull().default(''),
    supplier: text('supplier').notNull().default(''),
    /** 维保单位 as free text until the contractors table exists (helper patrol); then contractorId. */
    maintainer: text('maintainer').notNull().default(''),
    /** The 维保单位's row once subcontractors exist; no FK on purpose (that table lives elsewhere). */
    contractorId: ref('contractor_id'),
    installDate: date('install_date'),
    warrantyEnd: date('warranty_end'),
    importance: text('importance').$type<EquipmentImportance>().notNull().default('B'),
    status: text('status').$type<EquipmentStatus>().notNull().default('运行'),
    statusSince: at('status_since'),
    /** Upload ids (modules/uploads) of manuals, certificates and photos. */
    documentIds: jsonb('document_ids').$type<number[]>().notNull().default([]),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('equipment_project_code_uq').on(t.projectId, t.code),
    index('equipment_project_system_idx').on(t.projectId, t.system),
  ],
);
export type EquipmentRow = typeof equipment.$inferSelect;

/** Every status change, timed: downtime (停用/维修中) and availability are read from these rows. */
export const equipmentStatusChanges = pgTable(
  'equipment_status_changes',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    equipmentId: ref('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<EquipmentStatus>(),
    toStatus: text('to_status').$type<EquipmentStatus>().notNull(),
    at: at('at').notNull(),
    reason: text('reason').notNull().default(''),
    actorId: ref('actor_id'),
    /** Set when a repair work order put it in 维修中. */
    workOrderId: ref('work_order_id'),
  },
  (t) => [index('equipment_status_changes_eq_idx').on(t.equipmentId, t.at)],
);

/** A checklist: its items live in versions; a task keeps the version it was done with. */
export const checklists = pgTable('checklists', {
  id: id(),
  companyId: ref('company_id').notNull(),
  projectId: ref('project_id')
    .notNull()
    .references(() => projects.id),
  name: text('name').notNull(),
  currentVersion: integer('current_version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export const checklistVersions = pgTable(
  'checklist_versions',
  {
    id: id(),
    checklistId: ref('checklist_id')
      .notNull()
      .references(() => checklists.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    items: jsonb('items').$type<CheckItem[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('checklist_versions_uq').on(t.checklistId, t.number)],
);

/** 维保/巡检计划: equipment (or a system/type of them) × task × frequency, generated ahead by a job. */
export const maintenancePlans = pgTable(
  'maintenance_plans',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    system: text('system').notNull(),
    target: text('target').$type<PlanTarget>().notNull(),
    equipmentId: ref('equipment_id').references(() => equipment.id),
    equipmentType: text('equipment_type'),
    /** The §3.8 template row it came from (templates.ts), so 按系统生成计划 does not add it twice. */
    templateKey: text('template_key'),
    frequency: jsonb('frequency').$type<Frequency>().notNull(),
    basis: text('basis').$type<PlanBasis>().notNull().default('due'),
    /** Daily safety checks run on holidays too; others may skip the project's holidays. */
    skipHolidays: boolean('skip_holidays').notNull().default(false),
    startDate: date('start_date').notNull(),
    checklistId: ref('checklist_id')
      .notNull()
      .references(() => checklists.id),
    active: boolean('active').notNull().default(true),
    /** Tasks exist up to this day (inclusive). */
    generatedUntil: date('generated_until'),
    /** The 5-missed warning is raised once until a task of the plan is done again. */
    missedWarningAt: at('missed_warning_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('maintenance_plans_project_idx').on(t.projectId),
    uniqueIndex('maintenance_plans_template_uq')
      .on(t.projectId, t.templateKey)
      .where(sql`${t.templateKey} is not null`),
  ],
);
export type PlanRow = typeof maintenancePlans.$inferSelect;

/** One inspection/maintenance occurrence: a plan × equipment (0 = the plan itself) × day × slot. */
export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    planId: ref('plan_id')
      .notNull()
      .references(() => maintenancePlans.id, { onDelete: 'cascade' }),
    /** 0 when the plan has no equipment (建筑本体 rounds): keeps the unique key total. */
    equipmentKey: ref('equipment_key').notNull().default(0),
    equipmentId: ref('equipment_id').references(() => equipment.id),
    system: text('system').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    slot: integer('slot').notNull().default(1),
    /** Late after this moment (end of the due day, project time zone). */
    dueAt: at('due_at').notNull(),
    /** Missed once this passes undone (the next occurrence's day). */
    expiresAt: at('expires_at').notNull(),
    checklistVersionId: ref('checklist_version_id')
      .notNull()
      .references(() => checklistVersions.id),
    status: text('status').$type<TaskStatus>().notNull().default('pending'),
    completedAt: at('completed_at'),
    completedBy: ref('completed_by'),
    onTime: boolean('on_time'),
    /** The first submit's key: a second submit with it answers the same. */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('inspection_tasks_occurrence_uq').on(t.planId, t.equipmentKey, t.dueDate, t.slot),
    index('inspection_tasks_project_due_idx').on(t.projectId, t.dueDate),
    index('inspection_tasks_equipment_idx').on(t.equipmentId, t.dueDate),
  ],
);
export type TaskRow = typeof inspectionTasks.$inferSelect;

/** One answer per task × item (re-sent answers overwrite, never duplicate). */
export const inspectionResults = pgTable(
  'inspection_results',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    taskId: ref('task_id')
      .notNull()
      .references(() => inspectionTasks.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    pass: boolean('pass'),
    value: doublePrecision('value'),
    text: text('text'),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    /** A failed pass/fail item or a reading out of its range. */
    failed: boolean('failed').notNull().default(false),
    defectId: ref('defect_id'),
    recordedAt: at('recorded_at').notNull(),
    recordedBy: ref('recorded_by'),
  },
  (t) => [uniqueIndex('inspection_results_task_item_uq').on(t.taskId, t.itemId)],
);

/** A defect found by inspection: one repair ticket/work order per equipment × item while it is open. */
export const equipmentDefects = pgTable(
  'equipment_defects',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    equipmentKey: ref('equipment_key').notNull(),
    equipmentId: ref('equipment_id').references(() => equipment.id),
    planId: ref('plan_id'),
    itemId: text('item_id').notNull(),
    system: text('system').notNull(),
    ticketId: ref('ticket_id'),
    workOrderId: ref('work_order_id'),
    occurrences: integer('occurrences').notNull().default(1),
    openedAt: at('opened_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [index('equipment_defects_key_idx').on(t.projectId, t.equipmentKey, t.itemId)],
);
