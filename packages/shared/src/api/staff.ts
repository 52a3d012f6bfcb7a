import { z } from 'zod';
import { PERMISSIONS } from '../permissions';
import { nullableTime, page } from './common';

export const staffRoleRefSchema = z.object({ id: z.number(), name: z.string(), code: z.string() });
export type StaffRoleRef = z.infer<typeof staffRoleRefSchema>;

/** staff/queries.ts presentStaff: the phone is masked without pii.view. */
export const staffSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  department: z.string().nullable(),
  skills: z.array(z.string()),
  roles: z.array(staffRoleRefSchema),
  projectIds: z.array(z.number()),
  allProjects: z.boolean(),
  active: z.boolean(),
  locale: z.string(),
  lockedUntil: nullableTime,
  lastLoginAt: nullableTime,
  version: z.number(),
});
export type Staff = z.infer<typeof staffSchema>;
export const staffPageSchema = page(staffSchema);
/** Colleagues' names for history and timelines (GET /api/staff/names): no contact data. */
export const staffNamesSchema = z.object({
  items: z.array(z.object({ id: z.number(), displayName: z.string() })),
});

export const roleSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  version: z.number(),
});
export type Role = z.infer<typeof roleSchema>;
export const rolePageSchema = page(roleSchema);

export const permissionListSchema = z.object({ items: z.array(z.enum(PERMISSIONS)).readonly() });
