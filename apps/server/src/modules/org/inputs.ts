import { PROJECT_KINDS, UNIT_STATUSES, UNIT_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import { timeZoneSchema } from '../../platform/clock/time-zone';
import { patchOf } from '../../platform/http/patch-schema';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const isoDate = z.iso.date();

export const businessHoursInput = z.object({
  weekdays: z
    .array(
      z
        .array(
          z.object({ start: hhmm, end: hhmm }).refine((p) => p.start < p.end, 'start must be before end'),
        )
        .max(6),
    )
    .length(7),
  holidays: z.array(isoDate).max(400).default([]),
  extraWorkdays: z.array(isoDate).max(100).default([]),
});

export const projectInput = z.object({
  /** Letters and digits: the code is part of every ticket number of the estate (BX-JXHY-…). */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,16}$/, 'letters and digits only (it is part of ticket numbers)'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PROJECT_KINDS).optional(),
  address: z.string().trim().max(200).nullish(),
  households: z.number().int().min(0).max(1_000_000).nullish(),
  areaM2: z.number().min(0).max(1e9).nullish(),
  servicePhone: z.string().trim().max(40).nullish(),
  areaCode: z
    .string()
    .regex(/^0\d{2,3}$/, 'area code like 021')
    .nullish(),
  timezone: timeZoneSchema.optional(),
  businessHours: businessHoursInput.nullish(),
});

export const buildingInput = z.object({
  projectId: z.number().int().positive(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[^-\s]+$/, 'no dashes or spaces: the code is part of unit labels'),
  name: z.string().trim().min(1).max(60),
  floors: z.number().int().min(1).max(200).nullish(),
  entrances: z.number().int().min(1).max(50).nullish(),
  sortOrder: z.number().int().optional(),
});

export const unitInput = z.object({
  buildingId: z.number().int().positive(),
  entrance: z
    .string()
    .trim()
    .max(10)
    .regex(/^[^-\s]*$/, 'no dashes or spaces')
    .nullish(),
  floor: z.number().int().min(-10).max(200).nullish(),
  room: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[^-\s]+$/, 'no dashes or spaces'),
  type: z.enum(UNIT_TYPES).optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  areaM2: z.number().min(0).max(100_000).nullish(),
  handoverDate: isoDate.nullish(),
  warrantyUntil: isoDate.nullish(),
});

export const unitPatch = patchOf(unitInput.omit({ buildingId: true })).extend({
  version: z.number().int().positive(),
});
export const buildingPatch = patchOf(buildingInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});
export const projectPatch = patchOf(projectInput).extend({ version: z.number().int().positive() });
