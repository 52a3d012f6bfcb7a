import { z } from 'zod';
import { versioned } from '../../platform/http/pagination';

const staffIds = z.array(z.number().int().positive()).max(200);

/** POST /api/departments: a department of a project with its members (staff of that project). */
export const createDepartmentBody = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(40),
  leaderId: z.number().int().positive().nullish(),
  memberIds: staffIds.default([]),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export type CreateDepartmentBody = z.infer<typeof createDepartmentBody>;

/** PATCH /api/departments/:id: absent = unchanged; memberIds replaces the whole list. */
export const editDepartmentBody = versioned.extend({
  name: z.string().trim().min(1).max(40).optional(),
  leaderId: z.number().int().positive().nullish(),
  memberIds: staffIds.optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export type EditDepartmentBody = z.infer<typeof editDepartmentBody>;

export const departmentListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  /** Include departments switched off (the settings page shows them; pickers do not). */
  all: z.enum(['true', 'false']).optional(),
});
