import { z } from 'zod';
import { DISPATCH_MODES } from '../tickets';
import { itemsOf, nullableTime } from './common';

export const technicianSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  department: z.string().nullable(),
  skills: z.array(z.string()).readonly(),
  onDuty: z.boolean(),
  openCount: z.number(),
  cap: z.number().nullable(),
  lastAssignedAt: nullableTime,
});
export type Technician = z.infer<typeof technicianSchema>;
export const technicianListSchema = itemsOf(technicianSchema);

export const technicianDutySchema = z.object({
  userId: z.number(),
  onDuty: z.boolean(),
  openCap: z.number().nullable(),
  version: z.number(),
});

export const dispatchRuleSchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  categoryId: z.number().nullable(),
  mode: z.enum(DISPATCH_MODES),
  version: z.number(),
});
export type DispatchRule = z.infer<typeof dispatchRuleSchema>;
/** defaultMode: the project's setting when the list was asked for one project. */
export const dispatchRuleListSchema = z.object({
  defaultMode: z.enum(DISPATCH_MODES).nullable(),
  items: z.array(dispatchRuleSchema),
});
