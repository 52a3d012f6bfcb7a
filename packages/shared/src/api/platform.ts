/** Answers of the platform routes: login and the signed-in user, settings, the audit log, health. */
import { z } from 'zod';
import { isoTime, jsonValue, page } from './common';

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  companyId: z.number(),
  permissions: z.array(z.string()),
  projectIds: z.array(z.number()),
  allProjects: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({ token: z.string(), user: meSchema.nullable() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const SETTING_SOURCES = ['default', 'company', 'project'] as const;

/** A setting as it applies: its value (JSON, shaped per key) and where that value comes from. */
export const settingItemSchema = z.object({
  key: z.string(),
  qid: z.string().nullable(),
  description: z.string(),
  defaultValue: jsonValue,
  value: jsonValue,
  source: z.enum(SETTING_SOURCES),
  version: z.number().nullable(),
});
export type SettingItem = z.infer<typeof settingItemSchema>;
export const settingListSchema = z.object({ items: z.array(settingItemSchema) });

/** PUT /api/settings/:key: the override as written. */
export const settingWrittenSchema = z.object({
  key: z.string(),
  scope: z.enum(['company', 'project']),
  value: jsonValue,
  version: z.number().optional(),
});

/** The audit log: before/after are the changed fields, shaped per action. */
export const auditEventSchema = z.object({
  id: z.number(),
  occurredAt: isoTime,
  companyId: z.number().nullable(),
  projectId: z.number().nullable(),
  actorId: z.number().nullable(),
  source: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: jsonValue,
  after: jsonValue,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = page(auditEventSchema);

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** POST /api/test/clock (test servers only): the controllable clock's time. */
export const testClockSchema = z.object({ now: isoTime });
