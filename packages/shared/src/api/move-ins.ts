import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

/** 入住办理 (W-13): one checklist case per unit, its defects as 整改单 answered per Q41. */

export const MOVE_IN_STEPS = ['documents', 'agreements', 'meters', 'inspection', 'keys'] as const;
export type MoveInStep = (typeof MOVE_IN_STEPS)[number];
export const MOVE_IN_STATES = ['open', 'completed', 'cancelled'] as const;
export type MoveInState = (typeof MOVE_IN_STATES)[number];

export const moveInBody = z.object({
  unitId: z.number().int().positive(),
  ownerName: z.string().trim().min(1).max(30),
  ownerPhone: z.string().trim().min(3).max(30),
  /** Delegated handover: the 委托协议书 and the delegate's ID. */
  delegateName: z.string().trim().max(30).default(''),
  note: z.string().trim().max(500).default(''),
});
export type MoveInBody = z.infer<typeof moveInBody>;
export const moveInStepBody = z.object({
  step: z.enum(MOVE_IN_STEPS),
  /** documents: the papers checked; agreements: the ones signed; keys: the keys handed over. */
  items: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  /** meters: readings confirmed with the owner. */
  readings: z
    .array(z.object({ meter: z.string().trim().min(1).max(30), reading: z.number().min(0).max(1e9) }))
    .max(10)
    .default([]),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().positive(),
});
export type MoveInStepBody = z.infer<typeof moveInStepBody>;
export const moveInDefectBody = z.object({
  location: z.string().trim().min(1).max(60),
  description: z.string().trim().min(1).max(500),
  /** Days to fix; longer than the Q41 threshold makes it a long fix with weekly progress reports. */
  fixDays: z.number().int().min(1).max(180).default(3),
  photoIds: z.array(z.number().int().positive()).max(9).default([]),
});
export type MoveInDefectBody = z.infer<typeof moveInDefectBody>;
export const moveInDefectSchema = z.object({
  id: z.number(),
  location: z.string(),
  description: z.string(),
  label: z.string(),
  rectificationId: z.number(),
  rectificationState: z.string(),
  long: z.boolean(),
  deadline: isoTime,
  fixedAt: nullableTime,
  replyDueAt: nullableTime,
  repliedAt: nullableTime,
  lastProgressAt: nullableTime,
});
export const moveInSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  ownerName: z.string(),
  ownerPhone: z.string(),
  delegateName: z.string(),
  note: z.string(),
  state: z.enum(MOVE_IN_STATES),
  steps: z.record(
    z.string(),
    z.object({
      doneAt: isoTime,
      items: z.array(z.string()),
      readings: z.array(z.object({ meter: z.string(), reading: z.number() })),
      note: z.string(),
    }),
  ),
  completedAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
  defects: z.array(moveInDefectSchema),
});
export type MoveIn = z.infer<typeof moveInSchema>;
export const moveInPageSchema = page(
  moveInSchema.omit({ defects: true }).extend({ openDefects: z.number() }),
);
export const moveInListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  state: z.enum(MOVE_IN_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MoveInListQuery = z.infer<typeof moveInListQuery>;
