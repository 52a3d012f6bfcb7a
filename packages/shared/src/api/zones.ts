/**
 * 片区 (issue 19): zones of a project — their buildings, butler (管家) and deputy — and the zone scope of
 * a user (a butler limited to its zones). Request and answer schemas of /api/zones and /api/zone-scopes.
 */
import { z } from 'zod';
import { itemsOf } from './common';

const ids = z.array(z.number().int().positive()).max(500);

export const zoneInput = z.object({
  projectId: z.number().int().positive(),
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(50),
  butlerId: z.number().int().positive().nullable().optional(),
  deputyId: z.number().int().positive().nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  buildingIds: ids.default([]),
});
export type ZoneInput = z.infer<typeof zoneInput>;

export const zonePatch = z.object({
  code: z.string().trim().min(1).max(20).optional(),
  name: z.string().trim().min(1).max(50).optional(),
  butlerId: z.number().int().positive().nullable().optional(),
  deputyId: z.number().int().positive().nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  buildingIds: ids.optional(),
  version: z.number().int().positive(),
});
export type ZonePatch = z.infer<typeof zonePatch>;

export const zoneSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  butlerId: z.number().int().nullable(),
  butlerName: z.string().nullable(),
  deputyId: z.number().int().nullable(),
  deputyName: z.string().nullable(),
  sortOrder: z.number().int(),
  buildings: z.array(z.object({ id: z.number().int(), name: z.string() })),
  households: z.number().int(),
  version: z.number().int(),
});
export type Zone = z.infer<typeof zoneSchema>;
export const zoneListSchema = itemsOf(zoneSchema);

/** The zones a user is limited to; empty = the user's whole project scope (no zone limit). */
export const zoneScopeInput = z.object({ zoneIds: ids });
export const zoneScopeSchema = z.object({
  userId: z.number().int(),
  zoneIds: z.array(z.number().int()),
});
export type ZoneScope = z.infer<typeof zoneScopeSchema>;
