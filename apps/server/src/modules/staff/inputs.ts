import { PERMISSIONS } from '@guanjia/shared';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { phoneInput } from '../residents/inputs';

export const passwordInput = z.string().min(8, 'at least 8 characters').max(200);

export const staffInput = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  displayName: z.string().trim().min(1).max(50),
  password: passwordInput,
  phone: phoneInput.nullish(),
  email: z.email().nullish(),
  department: z.string().trim().max(30).nullish(),
  skills: z.array(z.string().trim().min(1).max(20)).max(30).optional(),
  roleIds: z.array(z.number().int().positive()).min(1).max(10),
  projectIds: z.array(z.number().int().positive()).max(500).optional(),
  allProjects: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const staffPatch = patchOf(staffInput.omit({ username: true, password: true })).extend({
  version: z.number().int().positive(),
});

export const staffListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  roleId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
});

export const roleInput = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(40),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
});
export const rolePatch = patchOf(roleInput.omit({ code: true })).extend({
  version: z.number().int().positive(),
});
