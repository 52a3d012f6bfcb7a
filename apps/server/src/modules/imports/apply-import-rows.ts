import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor, EventInput } from '../../platform/events/record-event';
import { events } from '../../platform/events/schema';
import { buildings, units } from '../org/schema';
import { namePinyin } from '../residents/rules/name-pinyin';
import { phoneRows } from '../residents/rules/phone-rows';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { applyResidentPatch } from '../residents/update-resident';
import type { KnownResident } from './rules/match-resident';
import {
  type BatchSnapshot,
  type BuildingOnFile,
  isTemporaryId,
  planBatch,
  type RowOutcome,
  type RowToApply,
  type UnitOnFile,
} from './rules/plan-batch';

export type { RowOutcome, RowToApply } from './rules/plan-batch';

export interface ImportTarget {
  projectId: number;
  /** Completes local landline numbers, as the residents module does. */
  areaCode: string | null;
  /** The importing user, with source 'job'. */
  actor: Actor;
  now: Date;
}

/**
 * Create or update the buildings, units and residents of a batch of valid rows inside the caller's
 * transaction: five reads, a pure plan (rules/plan-batch), then one multi-row statement per kind of
 * insert. 500 rows are ~60 statements instead of ~5,000, which is what keeps an import within budget on
 * the embedded engine (about 1 ms per statement). Changed residents go through applyResidentPatch.
 */
export async function applyImportRows(
  tx: DbOrTx,
  target: ImportTarget,
  rows: readonly RowToApply[],
): Promise<RowOutcome[]> {
  if (!rows.length) return [];
  const snapshot = await loadSnapshot(tx, target.projectId, rows);
  const plan = planBatch(snapshot, rows);
  const { projectId, actor, now } = target;
  const log: EventInput[] = [];
  const realId = new Map<number, number>();
  const resolve = (id: number) => {
    if (!isTemporaryId(id)) return id;
    const real = realId.get(id);
    if (real === undefined) throw new Error(`temporary id ${id} was never inserted`);
    return real;
  };

  if (plan.newBuildings.length) {
    const inserted = await tx
      .insert(buildings)
      .values(
        plan.newBuildings.map((b) => ({
          projectId,
          code: b.code,
          name: b.name,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: buildings.id, code: buildings.code });
    for (const b of plan.newBuildings) {
      const id = inserted.find((r) => r.code === b.code)?.id;
      if (id === undefined) throw new Error(`building ${b.code} not inserted`);
      realId.set(b.id, id);
      log.push({
        action: 'building.created',
        entityType: 'building',
        entityId: id,
        projectId,
        after: { projectId, code: b.code, name: b.name },
      });
    }
  }
  for (const b of plan.renamedBuildings) {
    const before = snapshot.buildings.find((x) => x.id === b.id);
    await tx
      .update(buildings)
      .set({ name: b.name, version: (before?.version ?? 0) + 1, updatedAt: now })
      .where(eq(buildings.id, b.id));
    log.push({
      action: 'building.updated',
      entityType: 'building',
      entityId: b.id,
      projectId,
      before: { name: b.before },
      after: { name: b.name },
    });
  }

  if (plan.newUnits.length) {
    const values = plan.newUnits.map((u) => ({
      projectId,
      buildingId: resolve(u.buildingId),
      entrance: u.entrance,
      room: u.room,
      label: u.label,
      ...u.fields,
    }));
    const inserted = await tx
      .insert(units)
      .values(values.map((v) => ({ ...v, createdAt: now, updatedAt: now })))
      .returning({ id: units.id, label: units.label });
    for (const [i, u] of plan.newUnits.entries()) {
      const id = inserted.find((r) => r.label === u.label)?.id;
      if (id === undefined) throw new Error(`unit ${u.label} not inserted`);
      realId.set(u.id, id);
      log.push({ action: 'unit.created', entityType: 'unit', entityId: id, projectId, after: values[i] });
    }
  }
  for (const { unit, changes } of plan.changedUnits) {
    const before = snapshot.units.find((x) => x.id === unit.id);
    await tx
      .update(units)
      .set({ ...changes, version: (before?.version ?? 0) + 1, updatedAt: now })
      .where(eq(units.id, unit.id));
    const from = Object.fromEntries(
      Object.keys(changes).map((k) => [k, unit.before?.[k as keyof typeof changes] ?? null]),
    );
    log.push({
      action: 'unit.updated',
      entityType: 'unit',
      entityId: unit.id,
      projectId,
      before: from,
      after: changes,
    });
  }

  if (plan.newResidents.length) await insertResidents(tx, target, plan.newResidents, resolve, realId, log);

  for (const { before, changes } of plan.changedResidents) {
    const current = snapshot.rows.get(before.id);
    if (!current) throw new Error(`resident ${before.id} not loaded`);
    const links = changes.units?.map((l) => ({ unitId: resolve(l.unitId), relation: l.relation }));
    await applyResidentPatch(tx, actor, now, current, { ...changes, ...(links ? { units: links } : {}) });
  }

  if (log.length) {
    await tx.insert(events).values(
      log.map((e) => ({
        occurredAt: now,
        companyId: actor.companyId,
        projectId: e.projectId ?? null,
        actorId: actor.userId,
        source: actor.source,
        action: e.action,
        entityType: e.entityType,
        entityId: String(e.entityId),
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }
  return plan.outcomes;
}

/**
 * The batch form of residents' insertResident (same columns, same pinyin, same phone normalisation as
 * replacePhones, same audit entry without the ID number): three statements for any number of residents.
 */
async function insertResidents(
  tx: DbOrTx,
  target: ImportTarget,
  people: readonly KnownResident[],
  resolve: (id: number) => number,
  realId: Map<number, number>,
  log: EventInput[],
): Promise<void> {
  const { projectId, now } = target;
  const fields = people.map((p) => ({
    projectId,
    name: p.name,
    idNumber: p.idNumber,
    vip: p.vip,
    tags: p.tags,
    birthday: p.birthday,
  }));
  const inserted = await tx
    .insert(residents)
    .values(
      fields.map((f) => {
        const py = namePinyin(f.name);
        return { ...f, namePinyin: py.full, nameInitials: py.initials, createdAt: now, updatedAt: now };
      }),
    )
    .returning({ id: residents.id, name: residents.name });
  // PostgreSQL returns the rows of a multi-row VALUES insert in order; check rather than trust.
  if (inserted.length !== people.length || inserted.some((r, i) => r.name !== people[i]?.name)) {
    throw new Error('resident insert returned rows out of order');
  }
  const phoneRowsToInsert = [];
  const linkRows = [];
  for (const [i, person] of people.entries()) {
    const id = inserted[i]!.id;
    realId.set(person.id, id);
    phoneRowsToInsert.push(
      ...phoneRows(
        id,
        projectId,
        person.phones.map((p) => p.raw),
        target.areaCode,
      ),
    );
    const links = person.links.map((l) => ({ unitId: resolve(l.unitId), relation: l.relation }));
    for (const l of links)
      linkRows.push({ residentId: id, unitId: l.unitId, projectId, relation: l.relation });
    const f = fields[i]!;
    log.push({
      action: 'resident.created',
      entityType: 'resident',
      entityId: id,
      projectId,
      after: { ...f, idNumber: f.idNumber ? '***' : null, phones: person.phones.length, units: links },
    });
  }
  if (phoneRowsToInsert.length) await tx.insert(residentPhones).values(phoneRowsToInsert);
  if (linkRows.length) await tx.insert(residentUnits).values(linkRows);
}

interface Snapshot extends BatchSnapshot {
  buildings: (BuildingOnFile & { version: number })[];
  units: (UnitOnFile & { version: number })[];
  rows: Map<number, typeof residents.$inferSelect>;
}

/** Everything the batch may touch, in five statements, locked against concurrent edits until commit. */
async function loadSnapshot(tx: DbOrTx, projectId: number, rows: readonly RowToApply[]): Promise<Snapshot> {
  const codes = [...new Set(rows.map((r) => r.parsed.unit.buildingCode))];
  const labels = [...new Set(rows.map((r) => r.parsed.unit.label))];
  const people = rows.flatMap((r) => (r.parsed.resident ? [r.parsed.resident] : []));
  const names = [...new Set(people.map((p) => p.name))];
  const idNumbers = [...new Set(people.flatMap((p) => (p.idNumber ? [p.idNumber] : [])))];

  const buildingRows = await tx
    .select({ id: buildings.id, code: buildings.code, name: buildings.name, version: buildings.version })
    .from(buildings)
    .where(and(eq(buildings.projectId, projectId), inArray(buildings.code, codes)))
    .for('update');
  const unitRows = await tx
    .select()
    .from(units)
    .where(and(eq(units.projectId, projectId), inArray(units.label, labels)))
    .for('update');
  const residentRows = names.length
    ? await tx
        .select()
        .from(residents)
        .where(
          and(
            eq(residents.projectId, projectId),
            or(
              inArray(residents.name, names),
              idNumbers.length ? inArray(residents.idNumber, idNumbers) : undefined,
            ),
          ),
        )
        .orderBy(asc(residents.id))
        .for('update')
    : [];
  const ids = residentRows.map((r) => r.id);
  const phones = ids.length
    ? await tx
        .select({ residentId: residentPhones.residentId, raw: residentPhones.raw, e164: residentPhones.e164 })
        .from(residentPhones)
        .where(inArray(residentPhones.residentId, ids))
        .orderBy(asc(residentPhones.position), asc(residentPhones.id))
    : [];
  const links = ids.length
    ? await tx.select().from(residentUnits).where(inArray(residentUnits.residentId, ids))
    : [];
  const phonesOf = groupBy(phones, (p) => p.residentId);
  const linksOf = groupBy(links, (l) => l.residentId);
  return {
    buildings: buildingRows,
    units: unitRows.map((u) => ({
      id: u.id,
      buildingId: u.buildingId,
      label: u.label,
      entrance: u.entrance,
      room: u.room,
      floor: u.floor,
      type: u.type,
      status: u.status,
      areaM2: u.areaM2,
      version: u.version,
    })),
    residents: residentRows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: r.idNumber,
      vip: r.vip,
      tags: r.tags,
      birthday: r.birthday,
      phones: (phonesOf.get(r.id) ?? []).map((p) => ({ raw: p.raw, e164: p.e164 })),
      links: (linksOf.get(r.id) ?? []).map((l) => ({ unitId: l.unitId, relation: l.relation })),
    })),
    rows: new Map(residentRows.map((r) => [r.id, r])),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
