import { CONTACT_CHANNELS, normalizePhone, RESIDENT_RELATIONS } from '@guanjia/shared';
import { z } from 'zod';
import { pageQuery, queryBool } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';

export const phoneInput = z
  .string()
  .trim()
  .max(40)
  .refine(
    (v) => normalizePhone(v) !== null,
    'not a valid Chinese phone number (mobile, or landline with area code)',
  );

/** Mainland ID numbers: 18 characters with the ISO 7064 check digit, or the old 15-digit form. */
export function validIdNumber(v: string): boolean {
  if (/^\d{15}$/.test(v)) return true;
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

export const idNumberInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(validIdNumber, 'not a valid ID number (18 characters with a correct check digit)');

export const residentUnitInput = z.object({
  unitId: z.number().int().positive(),
  relation: z.enum(RESIDENT_RELATIONS),
});

// Defaults live in the database, not here: the create schema stays a plain description of the fields,
// and its PATCH form comes from patchOf (zod 4 would apply defaults inside .partial()).
export const residentInput = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['男', '女']).nullish(),
  idNumber: idNumberInput.nullish(),
  phones: z.array(phoneInput).max(5).optional(),
  email: z.email().max(120).nullish(),
  units: z.array(residentUnitInput).max(50).optional(),
  vip: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  birthday: z.iso.date().nullish(),
  preferredChannel: z.enum(CONTACT_CHANNELS).nullish(),
  notes: z.string().max(2000).nullish(),
});
export type ResidentInput = z.infer<typeof residentInput>;

export const residentPatch = patchOf(residentInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});
export type ResidentPatch = z.infer<typeof residentPatch>;

export const residentListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  relation: z.enum(RESIDENT_RELATIONS).optional(),
  vip: queryBool.optional(),
  tag: z.string().trim().max(20).optional(),
  /** Name, phone (full or last 4–6 digits), pinyin initials or 房号 (3-2-1201). */
  q: z.string().trim().max(60).optional(),
});
export type ResidentListQuery = z.infer<typeof residentListQuery>;
