import type { ResidentRelation } from '@guanjia/shared';
import type { ParsedPhone, ParsedResident } from './parse-row';

/** What re-import needs to know about a resident already on file. */
export interface KnownResident {
  id: number;
  name: string;
  idNumber: string | null;
  vip: boolean;
  tags: string[];
  birthday: string | null;
  /** In their stored order. */
  phones: ParsedPhone[];
  links: { unitId: number; relation: ResidentRelation }[];
}

/** A patch for applyResidentPatch: only what the row changes or adds. */
export interface ResidentChanges {
  name?: string;
  idNumber?: string;
  vip?: boolean;
  tags?: string[];
  birthday?: string;
  /** Present only when a number is added: the stored numbers first, then the new ones. */
  phones?: string[];
  /** Present only when a link is added or its relation changes: every other link is kept. */
  units?: { unitId: number; relation: ResidentRelation }[];
}

/**
 * Which resident on file a row means (candidates sorted by id):
 * 1. the same ID number (the one with the same name first);
 * 2. otherwise, among same-name residents without a different ID number: one sharing a phone number,
 * 3. or, failing that, one already linked to the row's unit (the same name in the same home).
 */
export function matchResident(
  candidates: readonly KnownResident[],
  row: ParsedResident,
  unitId: number,
): KnownResident | undefined {
  if (row.idNumber) {
    const sameId = candidates.filter((k) => k.idNumber === row.idNumber);
    const hit = sameId.find((k) => k.name === row.name) ?? sameId[0];
    if (hit) return hit;
  }
  const sameName = candidates.filter((k) => k.name === row.name && (!row.idNumber || !k.idNumber));
  const byPhone = sameName.find((k) => k.phones.some((p) => row.phones.some((q) => q.e164 === p.e164)));
  return byPhone ?? sameName.find((k) => k.links.some((l) => l.unitId === unitId));
}

/** Fields the row changes; never removes a phone, tag or unit link. null when nothing changes. */
export function residentChanges(
  known: KnownResident,
  row: ParsedResident,
  unitId: number,
): ResidentChanges | null {
  const changes: ResidentChanges = {};
  if (row.name !== known.name) changes.name = row.name;
  if (row.idNumber && row.idNumber !== known.idNumber) changes.idNumber = row.idNumber;
  if (row.vip !== undefined && row.vip !== known.vip) changes.vip = row.vip;
  if (row.birthday && row.birthday !== known.birthday) changes.birthday = row.birthday;
  const newTags = row.tags.filter((t) => !known.tags.includes(t));
  if (newTags.length) changes.tags = [...known.tags, ...newTags];
  const newPhones = addedPhones(known, row);
  if (newPhones.length) changes.phones = [...known.phones, ...newPhones].map((p) => p.raw);
  const link = known.links.find((l) => l.unitId === unitId);
  if (!link) {
    changes.units = [...known.links, { unitId, relation: row.relation ?? '业主' }];
  } else if (row.relation && row.relation !== link.relation) {
    changes.units = known.links.map((l) =>
      l.unitId === unitId ? { unitId, relation: row.relation ?? l.relation } : l,
    );
  }
  return Object.keys(changes).length ? changes : null;
}

const addedPhones = (known: KnownResident, row: ParsedResident) =>
  row.phones.filter((p) => !known.phones.some((q) => q.e164 === p.e164));

/** The resident as it stands after the changes, so later rows of the same file see them. */
export function afterChanges(
  known: KnownResident,
  row: ParsedResident,
  changes: ResidentChanges,
): KnownResident {
  return {
    ...known,
    name: changes.name ?? known.name,
    idNumber: changes.idNumber ?? known.idNumber,
    vip: changes.vip ?? known.vip,
    birthday: changes.birthday ?? known.birthday,
    tags: changes.tags ?? known.tags,
    phones: changes.phones ? [...known.phones, ...addedPhones(known, row)] : known.phones,
    links: changes.units ?? known.links,
  };
}
