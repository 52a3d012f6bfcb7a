import type { units } from '../modules/org/schema';
import type { residentPhones, residents, residentUnits } from '../modules/residents/schema';
import type { BulkColumns } from './bulk';

/** Column element types for the bulk (unnest) inserts of the seeders. */
/** Without id: add `id: 'bigint'` when the rows carry reserved ids. */
export const UNIT_COLUMNS: BulkColumns<typeof units> = {
  projectId: 'bigint',
  buildingId: 'bigint',
  entrance: 'text',
  floor: 'integer',
  room: 'text',
  label: 'text',
  type: 'text',
  status: 'text',
  areaM2: 'numeric',
  handoverDate: 'date',
  warrantyUntil: 'date',
};

export const RESIDENT_COLUMNS: BulkColumns<typeof residents> = {
  projectId: 'bigint',
  name: 'text',
  namePinyin: 'text',
  nameInitials: 'text',
  gender: 'text',
  idNumber: 'text',
  email: 'text',
  vip: 'boolean',
  tags: 'text[]',
  birthday: 'date',
  preferredChannel: 'text',
  notes: 'text',
};

export const PHONE_COLUMNS: BulkColumns<typeof residentPhones> = {
  residentId: 'bigint',
  projectId: 'bigint',
  raw: 'text',
  e164: 'text',
  national: 'text',
  reversed: 'text',
  kind: 'text',
  extension: 'text',
  position: 'integer',
};

export const RESIDENT_UNIT_COLUMNS: BulkColumns<typeof residentUnits> = {
  residentId: 'bigint',
  unitId: 'bigint',
  projectId: 'bigint',
  relation: 'text',
};
