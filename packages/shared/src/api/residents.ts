import { z } from 'zod';
import { CONTACT_CHANNELS, RESIDENT_RELATIONS } from '../estate';
import { isoDate, isoTime, page } from './common';

/** Without pii.view the number is masked and e164 withheld. */
export const residentPhoneSchema = z.object({
  number: z.string(),
  e164: z.string().nullable(),
  kind: z.enum(['mobile', 'landline', 'service']),
  extension: z.string().nullable(),
});
export type ResidentPhone = z.infer<typeof residentPhoneSchema>;

export const residentUnitSchema = z.object({
  unitId: z.number(),
  label: z.string(),
  relation: z.enum(RESIDENT_RELATIONS),
  buildingId: z.number(),
});
export type ResidentUnit = z.infer<typeof residentUnitSchema>;

/** residents/queries.ts presentResident: piiMasked says the phones and id number are masked. */
export const residentSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  gender: z.enum(['男', '女']).nullable(),
  idNumber: z.string().nullable(),
  phones: z.array(residentPhoneSchema),
  email: z.string().nullable(),
  units: z.array(residentUnitSchema),
  vip: z.boolean(),
  tags: z.array(z.string()),
  birthday: isoDate.nullable(),
  preferredChannel: z.enum(CONTACT_CHANNELS).nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: isoTime,
  updatedAt: isoTime,
  piiMasked: z.boolean(),
});
export type Resident = z.infer<typeof residentSchema>;
export const residentPageSchema = page(residentSchema);
