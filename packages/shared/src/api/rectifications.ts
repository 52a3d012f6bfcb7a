import { z } from 'zod';
import { NONCONFORMANCE_TYPES, RECTIFICATION_SOURCES, RECTIFICATION_STATES } from '../rectifications';
import { isoTime, nullableTime, page } from './common';

const id = z.coerce.number().int().positive();

/** 整改单 (any source: quality inspections, surveys, decoration, move-in): requests and answers. */
export const rectificationRoundSchema = z.object({
  id: z.number(),
  round: z.number(),
  kind: z.enum(['submit', 'pass', 'fail']),
  note: z.string(),
  photoIds: z.array(z.number()),
  byId: z.number().nullable(),
  byName: z.string().nullable(),
  newDeadline: nullableTime,
  createdAt: isoTime,
});
export const rectificationRowSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  sourceType: z.enum(RECTIFICATION_SOURCES),
  sourceId: z.number().nullable(),
  sourceItemId: z.number().nullable(),
  title: z.string(),
  detail: z.string(),
  location: z.string().nullable(),
  ncType: z.enum(NONCONFORMANCE_TYPES).nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  checkerId: z.number().nullable(),
  checkerName: z.string().nullable(),
  findingPhotoIds: z.array(z.number()),
  state: z.enum(RECTIFICATION_STATES),
  deadline: isoTime,
  round: z.number(),
  overdue: z.boolean(),
  submittedAt: nullableTime,
  closedAt: nullableTime,
  escalatedAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
});
export type Rectification = z.infer<typeof rectificationRowSchema>;
export const rectificationDetailSchema = rectificationRowSchema.extend({
  rounds: z.array(rectificationRoundSchema),
});
export type RectificationDetail = z.infer<typeof rectificationDetailSchema>;
export const rectificationPage = page(rectificationRowSchema);
export const rectificationListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  projectId: id.optional(),
  departmentId: id.optional(),
  ownerId: id.optional(),
  state: z.enum(RECTIFICATION_STATES).optional(),
  sourceType: z.enum(RECTIFICATION_SOURCES).optional(),
  sourceId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Mine: owned by me or by a department I lead. */
  mine: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});
export const rectificationSubmitBody = z.object({
  note: z.string().max(1000).default(''),
  photoIds: z.array(z.number().int().positive()).max(12).default([]),
});
export const rectificationRecheckBody = z.object({
  pass: z.boolean(),
  note: z.string().max(1000).default(''),
  /** A failed re-check's new deadline; by default the project's re-check period. */
  deadline: isoTime.optional(),
  /** The version the checker read (optional): a newer one answers 409. */
  version: z.number().int().positive().optional(),
});
