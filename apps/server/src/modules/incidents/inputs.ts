import { z } from 'zod';
import { pageQuery, versioned } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from './schema';

const idArray = z.array(z.number().int().positive()).max(2000);
const text = (max: number) => z.string().trim().max(max);

export const incidentInput = z.object({
  projectId: z.number().int().positive(),
  kind: z.enum(INCIDENT_KINDS),
  emergency: z.boolean(),
  /** 计划停水/停电: starts later, announced ahead and reminded (needs start and end). */
  planned: z.boolean().default(false),
  title: text(200).min(1),
  /** {原因} in the residents' text; the title stands in when empty. */
  reason: text(200).nullish(),
  buildingIds: idArray.default([]),
  unitIds: idArray.default([]),
  categoryIds: idArray.default([]),
  /** Defaults to now (an emergency starts when it is logged). */
  startsAt: z.coerce.date().optional(),
  expectedEndAt: z.coerce.date().nullish(),
  residentText: text(2000).min(1),
  agentScript: text(4000).default(''),
});
export type IncidentInput = z.infer<typeof incidentInput>;

// Scope and kind are fixed once residents were told; only the wording, timing and categories change.
const editable = incidentInput.pick({
  title: true,
  categoryIds: true,
  expectedEndAt: true,
  residentText: true,
  agentScript: true,
});
export const incidentPatch = patchOf(editable).extend(versioned.shape);
export type IncidentPatch = z.infer<typeof incidentPatch>;

export const resolveBody = versioned.extend({ note: text(2000).nullish() });

export const cancelBody = versioned.extend({ reason: text(500).nullish() });

export const linkBody = z.object({ ticketIds: idArray.min(1).max(500) });

export const incidentListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  kind: z.enum(INCIDENT_KINDS).optional(),
});

export const activeQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  categoryId: z.coerce.number().int().positive().optional(),
});
