import { z } from 'zod';
import { PROJECT_KINDS, UNIT_STATUSES, UNIT_TYPES } from '../estate';
import { isoDate, isoTime, itemsOf, page } from './common';

/** One service period of a working day ('08:30'–'18:00'). */
export const periodSchema = z.object({ start: z.string(), end: z.string() });
export type Period = z.infer<typeof periodSchema>;

/** Index 0 = Monday … 6 = Sunday; holidays and 调休 workdays as dates. */
export const businessHoursSchema = z.object({
  weekdays: z.array(z.array(periodSchema)),
  holidays: z.array(z.string()),
  extraWorkdays: z.array(z.string()),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const projectSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  address: z.string().nullable(),
  households: z.number().nullable(),
  areaM2: z.number().nullable(),
  servicePhone: z.string().nullable(),
  areaCode: z.string().nullable(),
  timezone: z.string(),
  businessHours: businessHoursSchema.nullable(),
  version: z.number(),
  updatedAt: isoTime,
});
export type Project = z.infer<typeof projectSchema>;
export const projectPageSchema = page(projectSchema);

export const treeBuildingSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  units: z.number(),
});
export type TreeBuilding = z.infer<typeof treeBuildingSchema>;
export const treeProjectSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  buildings: z.array(treeBuildingSchema),
});
export type TreeProject = z.infer<typeof treeProjectSchema>;
export const estateTreeSchema = itemsOf(treeProjectSchema);

export const buildingSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  code: z.string(),
  name: z.string(),
  floors: z.number().nullable(),
  entrances: z.number().nullable(),
  sortOrder: z.number(),
  version: z.number(),
});
export type Building = z.infer<typeof buildingSchema>;
export const buildingPageSchema = page(buildingSchema);

export const unitSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  buildingId: z.number(),
  entrance: z.string().nullable(),
  floor: z.number().nullable(),
  room: z.string(),
  label: z.string(),
  type: z.enum(UNIT_TYPES),
  status: z.enum(UNIT_STATUSES),
  areaM2: z.number().nullable(),
  handoverDate: isoDate.nullable(),
  warrantyUntil: isoDate.nullable(),
  version: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitPageSchema = page(unitSchema);
