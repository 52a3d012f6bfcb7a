import type { UnitStatus, UnitType } from '@guanjia/shared';
import { headerOf } from '../columns';
import type { ImportRowError } from '../schema';
import {
  afterChanges,
  type KnownResident,
  matchResident,
  type ResidentChanges,
  residentChanges,
} from './match-resident';
import type { ParsedRow } from './parse-row';

/**
 * Re-import semantics without I/O: given what the database holds for a batch of rows, decide what to
 * create and what to change, row by row in file order, so that one flush can write it all in a few
 * statements. Records created by this batch get negative temporary ids until they are inserted.
 */

export interface RowToApply {
  /** Excel row number. */
  row: number;
  parsed: ParsedRow;
}

export type RowOutcome =
  | { row: number; result: 'created' | 'updated' | 'unchanged' }
  | { row: number; result: 'error'; error: ImportRowError };

export interface UnitFields {
  floor: number | null;
  type: UnitType;
  status: UnitStatus;
  areaM2: number | null;
}

export interface BuildingOnFile {
  id: number;
  code: string;
  name: string;
}

export interface UnitOnFile extends UnitFields {
  id: number;
  buildingId: number;
  label: string;
  entrance: string | null;
  room: string;
}

export interface BatchSnapshot {
  buildings: readonly BuildingOnFile[];
  units: readonly UnitOnFile[];
  residents: readonly KnownResident[];
}

export interface PlannedBuilding {
  id: number;
  code: string;
  name: string;
  /** null for a building this batch creates. */
  before: string | null;
}

export interface PlannedUnit {
  id: number;
  buildingId: number;
  label: string;
  entrance: string | null;
  room: string;
  fields: UnitFields;
  /** null for a unit this batch creates. */
  before: UnitFields | null;
}

export interface BatchPlan {
  outcomes: RowOutcome[];
  newBuildings: PlannedBuilding[];
  renamedBuildings: PlannedBuilding[];
  newUnits: PlannedUnit[];
  changedUnits: { unit: PlannedUnit; changes: Partial<UnitFields> }[];
  newResidents: KnownResident[];
  changedResidents: { before: KnownResident; changes: ResidentChanges }[];
}

export const isTemporaryId = (id: number) => id < 0;

/** "3" → "3号楼"; codes that are not plain numbers ("T1") → "T1栋". */
export const defaultBuildingName = (code: string) => (/^\d+$/.test(code) ? `${code}号楼` : `${code}栋`);

export function planBatch(snapshot: BatchSnapshot, rows: readonly RowToApply[]): BatchPlan {
  let nextTemporary = -1;
  const temporary = () => nextTemporary--;
  const buildings = new Map<string, PlannedBuilding>(
    snapshot.buildings.map((b) => [b.code, { ...b, before: b.name }]),
  );
  const units = new Map<string, PlannedUnit>(
    snapshot.units.map((u) => {
      const fields: UnitFields = { floor: u.floor, type: u.type, status: u.status, areaM2: u.areaM2 };
      const planned: PlannedUnit = {
        id: u.id,
        buildingId: u.buildingId,
        label: u.label,
        entrance: u.entrance,
        room: u.room,
        fields,
        before: fields,
      };
      return [u.label, planned];
    }),
  );
  const residents: KnownResident[] = [...snapshot.residents];
  const outcomes: RowOutcome[] = [];

  for (const { row, parsed } of rows) {
    const u = parsed.unit;
    let building = buildings.get(u.buildingCode);
    let unit = units.get(u.label);
    if (unit && unit.buildingId !== building?.id) {
      outcomes.push({
        row,
        result: 'error',
        error: { row, column: headerOf('room'), reason: `房屋编号 ${u.label} 已被其他楼栋的房屋使用` },
      });
      continue;
    }
    let created = false;
    let updated = false;

    if (!building) {
      building = {
        id: temporary(),
        code: u.buildingCode,
        name: u.buildingName ?? defaultBuildingName(u.buildingCode),
        before: null,
      };
      buildings.set(building.code, building);
      created = true;
    } else if (u.buildingName !== undefined && u.buildingName !== building.name) {
      building.name = u.buildingName;
      updated = true;
    }

    if (!unit) {
      unit = {
        id: temporary(),
        buildingId: building.id,
        label: u.label,
        entrance: u.entrance,
        room: u.room,
        fields: {
          floor: u.floor ?? null,
          type: u.type ?? '住宅',
          status: u.status ?? '空置',
          areaM2: u.areaM2 ?? null,
        },
        before: null,
      };
      units.set(unit.label, unit);
      created = true;
    } else {
      const next: UnitFields = {
        floor: u.floor ?? unit.fields.floor,
        type: u.type ?? unit.fields.type,
        status: u.status ?? unit.fields.status,
        areaM2: u.areaM2 ?? unit.fields.areaM2,
      };
      if (Object.keys(changedFields(unit.fields, next)).length) {
        unit.fields = next;
        updated = true;
      }
    }

    const person = parsed.resident;
    if (person) {
      const known = matchResident(residents, person, unit.id);
      if (!known) {
        residents.push({
          id: temporary(),
          name: person.name,
          idNumber: person.idNumber ?? null,
          vip: person.vip ?? false,
          tags: person.tags,
          birthday: person.birthday ?? null,
          phones: person.phones,
          links: [{ unitId: unit.id, relation: person.relation ?? '业主' }],
        });
        created = true;
      } else {
        const changes = residentChanges(known, person, unit.id);
        if (changes) {
          residents[residents.indexOf(known)] = afterChanges(known, person, changes);
          updated = true;
        }
      }
    }
    outcomes.push({ row, result: created ? 'created' : updated ? 'updated' : 'unchanged' });
  }

  const planned = [...buildings.values()];
  const plannedUnits = [...units.values()];
  const finalById = new Map(residents.map((r) => [r.id, r]));
  return {
    outcomes,
    newBuildings: planned.filter((b) => b.before === null),
    renamedBuildings: planned.filter((b) => b.before !== null && b.before !== b.name),
    newUnits: plannedUnits.filter((u) => u.before === null),
    changedUnits: plannedUnits.flatMap((unit) => {
      const changes = unit.before ? changedFields(unit.before, unit.fields) : {};
      return Object.keys(changes).length ? [{ unit, changes }] : [];
    }),
    newResidents: residents.filter((r) => isTemporaryId(r.id)),
    changedResidents: snapshot.residents.flatMap((before) => {
      const after = finalById.get(before.id);
      const changes = after ? netChanges(before, after) : null;
      return changes ? [{ before, changes }] : [];
    }),
  };
}

function changedFields(before: UnitFields, after: UnitFields): Partial<UnitFields> {
  const changes: Partial<UnitFields> = {};
  if (after.floor !== before.floor) changes.floor = after.floor;
  if (after.type !== before.type) changes.type = after.type;
  if (after.status !== before.status) changes.status = after.status;
  if (after.areaM2 !== before.areaM2) changes.areaM2 = after.areaM2;
  return changes;
}

/** What a whole batch did to one resident on file, as one patch. */
export function netChanges(before: KnownResident, after: KnownResident): ResidentChanges | null {
  const changes: ResidentChanges = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.idNumber && after.idNumber !== before.idNumber) changes.idNumber = after.idNumber;
  if (after.vip !== before.vip) changes.vip = after.vip;
  if (after.birthday && after.birthday !== before.birthday) changes.birthday = after.birthday;
  if (after.tags.join('\u0000') !== before.tags.join('\u0000')) changes.tags = after.tags;
  if (after.phones.length !== before.phones.length) changes.phones = after.phones.map((p) => p.raw);
  const links = (k: KnownResident) => k.links.map((l) => `${l.unitId}:${l.relation}`).join(',');
  if (links(after) !== links(before)) changes.units = after.links;
  return Object.keys(changes).length ? changes : null;
}
