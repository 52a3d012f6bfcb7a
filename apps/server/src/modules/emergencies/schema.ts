import type {
  DutyRole,
  EmergencyLevel,
  EmergencyStatus,
  EmergencyType,
  PlanStep,
  StepProof,
} from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';

const ids = (name: string) => bigint(name, { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`);

/** 应急预案: the steps for one type × level of one project. Edits bump the version; incidents keep their copy. */
export const emergencyPlans = pgTable(
  'emergency_plans',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    type: text('type').$type<EmergencyType>().notNull(),
    level: text('level').$type<EmergencyLevel>().notNull(),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<PlanStep[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('emergency_plans_uq').on(t.projectId, t.type, t.level)],
);
export type EmergencyPlanRow = typeof emergencyPlans.$inferSelect;

/** 值班表: one shift of one person in one duty role; an end at or before the start runs overnight. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    role: text('role').$type<DutyRole>().notNull(),
    userId: ref('user_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('duty_shifts_project_date_idx').on(t.projectId, t.date)],
);
export type DutyShiftRow = typeof dutyShifts.$inferSelect;

/** One emergency or special event (W-18/W-19), with the plan it opened with copied into its steps. */
export const emergencies = pgTable(
  'emergencies',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    number: text('number').notNull(),
    type: text('type').$type<EmergencyType>().notNull(),
    level: text('level').$type<EmergencyLevel>().notNull(),
    status: text('status').$type<EmergencyStatus>().notNull().default('已上报'),
    drill: boolean('drill').notNull().default(false),
    drillStartsAt: at('drill_starts_at'),
    drillNoticeId: ref('drill_notice_id'),
    place: text('place').notNull(),
    buildingId: ref('building_id'),
    description: text('description').notNull().default(''),
    photoUploadIds: ids('photo_upload_ids'),
    voiceUploadId: ref('voice_upload_id'),
    planName: text('plan_name').notNull(),
    planVersion: integer('plan_version').notNull(),
    /** The outage incident (modules/incidents) whose notice told the residents. */
    outageIncidentId: ref('outage_incident_id'),
    reportedById: ref('reported_by_id'),
    startedAt: at('started_at').notNull(),
    confirmedAt: at('confirmed_at'),
    onSiteAt: at('on_site_at'),
    controlledAt: at('controlled_at'),
    endedAt: at('ended_at'),
    closedAt: at('closed_at'),
    report: jsonb('report')
      .$type<{ cause: string; handling: string; aftermath: string; result: string }>()
      .notNull()
      .default({ cause: '', handling: '', aftermath: '', result: '' }),
    review: jsonb('review').$type<{
      cause: string;
      course: string;
      evaluation: string;
      rewardsPenalties: string;
      reviewedAt: string;
      reviewedById: number;
    } | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('emergencies_project_idx').on(t.projectId, t.status, t.id),
    uniqueIndex('emergencies_number_uq').on(t.companyId, t.number),
  ],
);
export type EmergencyRow = typeof emergencies.$inferSelect;

/** A step of a running incident: the plan's step with its deadline fixed when it opened. */
export const emergencySteps = pgTable(
  'emergency_steps',
  {
    id: id(),
    emergencyId: ref('emergency_id').notNull(),
    projectId: ref('project_id').notNull(),
    seq: integer('seq').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    role: text('role').$type<DutyRole>().notNull(),
    proof: text('proof').$type<StepProof>().notNull(),
    escalateTo: text('escalate_to').$type<DutyRole>().notNull(),
    afterStartMinutes: integer('after_start_minutes'),
    afterPreviousMinutes: integer('after_previous_minutes'),
    dueAt: at('due_at').notNull(),
    doneAt: at('done_at'),
    doneById: ref('done_by_id'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    lastEscalatedAt: at('last_escalated_at'),
  },
  (t) => [uniqueIndex('emergency_steps_seq_uq').on(t.emergencyId, t.seq)],
);
export type EmergencyStepRow = typeof emergencySteps.$inferSelect;

/**
 * Timers with fixed ids (`em:<incident>:s<step>:e<level>`, `em:<incident>:storm:<n>`): fired_at is set
 * by the one run that fires it, so a timer job run twice, or a sweep after a restart, fires nothing twice.
 */
export const emergencyTimers = pgTable(
  'emergency_timers',
  {
    id: text('id').primaryKey(),
    emergencyId: ref('emergency_id').notNull(),
    stepId: ref('step_id'),
    level: integer('level').notNull().default(1),
    dueAt: at('due_at').notNull(),
    firedAt: at('fired_at'),
  },
  (t) => [index('emergency_timers_due_idx').on(t.dueAt).where(sql`fired_at is null`)],
);

/** 整改: what the review decided to fix, who owns it, by when. */
export const emergencyRectifications = pgTable(
  'emergency_rectifications',
  {
    id: id(),
    emergencyId: ref('emergency_id').notNull(),
    projectId: ref('project_id').notNull(),
    title: text('title').notNull(),
    ownerId: ref('owner_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: at('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_rectifications_idx').on(t.emergencyId)],
);

/** Tickets from the affected place logged while the emergency runs. */
export const emergencyTickets = pgTable(
  'emergency_tickets',
  {
    emergencyId: ref('emergency_id').notNull(),
    ticketId: ref('ticket_id').notNull(),
    projectId: ref('project_id').notNull(),
    linkedAt: at('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.emergencyId, t.ticketId] })],
);

/** Q68 storm mode: hourly checks for the on-duty staff while a 暴雨/台风 incident is active. */
export const stormTasks = pgTable(
  'emergency_storm_tasks',
  {
    id: id(),
    emergencyId: ref('emergency_id').notNull(),
    projectId: ref('project_id').notNull(),
    title: text('title').notNull(),
    dueAt: at('due_at').notNull(),
    assigneeId: ref('assignee_id'),
    doneAt: at('done_at'),
    doneById: ref('done_by_id'),
  },
  (t) => [index('emergency_storm_tasks_idx').on(t.emergencyId, t.dueAt)],
);
