import { and, count, eq, sql } from 'drizzle-orm';
import { buildings, defaultBusinessHours, projects, units } from '../modules/org/schema';
import { phoneRows } from '../modules/residents/rules/phone-rows';
import { residentPhones, residents, residentUnits } from '../modules/residents/schema';
import { companies } from '../platform/auth/schema';
import type { Database } from '../platform/db/client';
import { insertUnnest, reserveIds } from './bulk';
import { PHONE_COLUMNS, RESIDENT_COLUMNS, RESIDENT_UNIT_COLUMNS, UNIT_COLUMNS } from './columns';
import { buildingsFor, LARGE, largeResident, largeUnit, UNITS_PER_BUILDING } from './large-plan';
import { PinyinCache } from './pinyin-cache';

export interface LargeProgress {
  phase: 'units' | 'residents';
  done: number;
  total: number;
  /** Rows written so far in this phase (residents + phones + links for the residents phase). */
  rows: number;
  elapsedMs: number;
}

export interface LargeResult {
  projectId: number;
  buildings: number;
  units: number;
  residentsBefore: number;
  residentsAdded: number;
  rowsWritten: number;
  elapsedMs: number;
}

export interface LargeOptions {
  residents: number;
  /** Residents per transaction. */
  batch?: number;
  now: Date;
  onProgress?: (p: LargeProgress) => void;
}

/**
 * Add (or complete) the 压测小区 load-test project with `residents` people, their phones and unit links.
 * The company must exist (seedIfEmpty). Each batch is its own transaction, so a stopped run resumes.
 */
export async function seedLargeEstate(database: Database, options: LargeOptions): Promise<LargeResult> {
  const { db } = database;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const { now } = options;
  const [company] = await db.select({ id: companies.id }).from(companies).orderBy(companies.id).limit(1);
  if (!company) throw new Error('no company: run the server once (or seedIfEmpty) first');

  await db
    .insert(projects)
    .values({
      companyId: company.id,
      code: LARGE.code,
      name: LARGE.name,
      kind: '住宅',
      address: '上海市嘉定区压测路1号',
      servicePhone: '021-59990000',
      areaCode: '021',
      businessHours: defaultBusinessHours(),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.companyId, company.id), eq(projects.code, LARGE.code)));
  if (!project) throw new Error('project not created');
  const projectId = project.id;

  const [have] = await db.select({ n: count() }).from(residents).where(eq(residents.projectId, projectId));
  const before = have?.n ?? 0;
  const buildingCount = buildingsFor(options.residents);
  let rowsWritten = 0;

  // Buildings and units first (idempotent: only buildings without units get them).
  await db
    .insert(buildings)
    .values(
      Array.from({ length: buildingCount }, (_, b) => ({
        projectId,
        code: String(b + 1),
        name: `${b + 1}号楼`,
        floors: LARGE.floors,
        entrances: LARGE.entrances,
        sortOrder: b + 1,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
  const buildingRows = await db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .where(eq(buildings.projectId, projectId));
  const buildingIdOf = new Map(buildingRows.map((b) => [b.code, b.id]));
  const filled = await db
    .select({ buildingId: units.buildingId, n: count() })
    .from(units)
    .where(eq(units.projectId, projectId))
    .groupBy(units.buildingId);
  const hasUnits = new Set(filled.filter((f) => f.n > 0).map((f) => f.buildingId));
  const todo = Array.from({ length: buildingCount }, (_, b) => b).filter(
    (b) => !hasUnits.has(buildingIdOf.get(String(b + 1)) ?? -1),
  );
  for (let k = 0; k < todo.length; k += 20) {
    const rows = todo.slice(k, k + 20).flatMap((b) =>
      Array.from({ length: UNITS_PER_BUILDING }, (_, j) => {
        const u = largeUnit(b * UNITS_PER_BUILDING + j);
        return {
          projectId,
          buildingId: buildingIdOf.get(u.buildingCode),
          entrance: u.entrance,
          floor: u.floor,
          room: u.room,
          label: u.label,
          type: '住宅' as const,
          status: '已入住' as const,
          areaM2: u.areaM2,
          handoverDate: '2020-06-30',
          warrantyUntil: '2022-06-29',
        };
      }),
    );
    await db.transaction((tx) =>
      insertUnnest(tx, units, UNIT_COLUMNS, rows, {
        constants: { createdAt: ['timestamptz', now], updatedAt: ['timestamptz', now] },
      }),
    );
    rowsWritten += rows.length;
    options.onProgress?.({
      phase: 'units',
      done: Math.min(k + 20, todo.length) * UNITS_PER_BUILDING,
      total: todo.length * UNITS_PER_BUILDING,
      rows: rowsWritten,
      elapsedMs: elapsed(),
    });
  }
  const unitRows = await db
    .select({ id: units.id, label: units.label })
    .from(units)
    .where(eq(units.projectId, projectId));
  const unitIdOf = new Map(unitRows.map((u) => [u.label, u.id]));
  await db
    .update(projects)
    .set({ households: unitRows.length, updatedAt: now })
    .where(eq(projects.id, projectId));

  // Residents, phones and links, batch by batch.
  const batch = options.batch ?? 5_000;
  const pinyin = new PinyinCache();
  const residentsStart = performance.now();
  let residentRows = 0;
  for (let start = before; start < options.residents; start += batch) {
    const people = Array.from({ length: Math.min(batch, options.residents - start) }, (_, k) =>
      largeResident(start + k),
    );
    const written = await db.transaction(async (tx) => {
      const ids = await reserveIds(tx, residents, people.length);
      await insertUnnest(
        tx,
        residents,
        { id: 'bigint', ...RESIDENT_COLUMNS },
        people.map((r, k) => {
          const py = pinyin.of(r.name);
          return {
            id: ids[k],
            projectId,
            name: r.name,
            namePinyin: py.full,
            nameInitials: py.initials,
            gender: r.gender,
            idNumber: r.idNumber,
            vip: r.vip,
            tags: r.tags,
            birthday: r.birthday,
            preferredChannel: r.preferredChannel,
          };
        }),
        {
          overridingSystemValue: true,
          chunk: batch,
          constants: { createdAt: ['timestamptz', now], updatedAt: ['timestamptz', now] },
        },
      );
      const phones = people.flatMap((r, k) => phoneRows(ids[k] as number, projectId, r.phones, '021'));
      await insertUnnest(tx, residentPhones, PHONE_COLUMNS, phones, { chunk: batch * 2 });
      const links = people.map((r, k) => {
        const unitId = unitIdOf.get(largeUnit(r.unit).label);
        if (!unitId) throw new Error(`unit ${largeUnit(r.unit).label} missing`);
        return { residentId: ids[k] as number, unitId, projectId, relation: r.relation };
      });
      await insertUnnest(tx, residentUnits, RESIDENT_UNIT_COLUMNS, links, { chunk: batch });
      return people.length + phones.length + links.length;
    });
    residentRows += written;
    rowsWritten += written;
    options.onProgress?.({
      phase: 'residents',
      done: start + people.length,
      total: options.residents,
      rows: residentRows,
      elapsedMs: performance.now() - residentsStart,
    });
  }
  // Fresh planner statistics: PGlite has no autovacuum daemon, and PostgreSQL's may not have run yet.
  if (options.residents > before)
    await db.execute(sql`analyze units, residents, resident_phones, resident_units`);
  return {
    projectId,
    buildings: buildingCount,
    units: unitRows.length,
    residentsBefore: before,
    residentsAdded: Math.max(0, options.residents - before),
    rowsWritten,
    elapsedMs: elapsed(),
  };
}
