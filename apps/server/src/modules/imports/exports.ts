import { asc, count, desc, inArray } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { DEFAULT_TIME_ZONE } from '../../platform/clock/zoned';
import type { Db } from '../../platform/db/client';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';
import { presentUnit } from '../org/presenters';
import { listUnits, projectZones, scopeIds, unitFilters, unitListQuery } from '../org/queries';
import { buildings, projects, units } from '../org/schema';
import { residentListQuery } from '../residents/inputs';
import { presentResident, residentFilters, withLinks } from '../residents/queries';
import { residents } from '../residents/schema';
import { staffListQuery } from '../staff/inputs';
import { listStaff, presentStaff } from '../staff/queries';

/**
 * Excel export of the lists: the same filters as the JSON list, the same presenter (so PII is masked
 * exactly as on screen for callers without pii.view), at most EXPORT_ROW_CAP rows.
 */

const joined = (items: readonly string[]) => items.join('、');
const yesNo = (v: boolean) => (v ? '是' : '否');
/** withLinks matches links per row: keep its slices small. */
const LINK_CHUNK = 500;

export const residentExportQuery = residentListQuery.omit({ page: true, pageSize: true });

type PresentedResident = ReturnType<typeof presentResident> & { timeZone: string };
const residentColumns: XlsxColumn<PresentedResident>[] = [
  { header: '住户ID', width: 8, value: (r) => r.id },
  { header: '住户姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => r.gender },
  {
    header: '手机号码',
    width: 26,
    value: (r) => joined(r.phones.map((p) => (p.extension ? `${p.number} 转${p.extension}` : p.number))),
  },
  { header: '身份证号', width: 22, value: (r) => r.idNumber },
  { header: '房屋', width: 28, value: (r) => joined(r.units.map((u) => `${u.label}(${u.relation})`)) },
  { header: 'VIP', width: 6, value: (r) => yesNo(r.vip) },
  { header: '标签', width: 20, value: (r) => joined(r.tags) },
  { header: '生日', width: 12, value: (r) => r.birthday },
  { header: '邮箱', width: 22, value: (r) => r.email },
  { header: '备注', width: 30, value: (r) => r.notes },
  { header: '创建时间', width: 17, value: (r) => zonedTime(r.createdAt, r.timeZone) },
  { header: '更新时间', width: 17, value: (r) => zonedTime(r.updatedAt, r.timeZone) },
];

export async function exportResidents(
  reply: FastifyReply,
  db: Db,
  auth: AuthContext,
  q: z.infer<typeof residentExportQuery>,
) {
  const where = residentFilters(auth, { ...q, page: 1, pageSize: EXPORT_ROW_CAP });
  const [rows, [total]] = await Promise.all([
    db.select().from(residents).where(where).orderBy(desc(residents.id)).limit(EXPORT_ROW_CAP),
    db.select({ n: count() }).from(residents).where(where),
  ]);
  const zoneOf = await projectZones(
    db,
    rows.map((r) => r.projectId),
  );
  const presented: PresentedResident[] = [];
  for (let i = 0; i < rows.length; i += LINK_CHUNK) {
    for (const r of await withLinks(db, rows.slice(i, i + LINK_CHUNK)))
      presented.push({ ...presentResident(auth, r), timeZone: zoneOf(r.projectId) });
  }
  return sendRowsAsXlsx(reply, {
    filename: '住户.xlsx',
    sheetName: '住户',
    columns: residentColumns,
    rows: presented,
    total: total?.n ?? 0,
  });
}

export const unitExportQuery = unitListQuery.omit({ page: true, pageSize: true });

type PresentedUnit = ReturnType<typeof presentUnit> & { buildingCode: string; buildingName: string };
// Headers match the import template, so an exported file can be edited and imported again.
const unitColumns: XlsxColumn<PresentedUnit>[] = [
  { header: '房屋编号', width: 12, value: (u) => u.label },
  { header: '楼栋编号', width: 10, value: (u) => u.buildingCode },
  { header: '楼栋名称', width: 12, value: (u) => u.buildingName },
  { header: '单元', width: 8, value: (u) => u.entrance },
  { header: '楼层', width: 8, value: (u) => u.floor },
  { header: '房号', width: 10, value: (u) => u.room },
  { header: '房屋类型', width: 10, value: (u) => u.type },
  { header: '房屋状态', width: 10, value: (u) => u.status },
  { header: '建筑面积', width: 10, value: (u) => u.areaM2 },
  { header: '交房日期', width: 12, value: (u) => u.handoverDate },
  { header: '保修截止', width: 12, value: (u) => u.warrantyUntil },
];

export async function exportUnits(
  reply: FastifyReply,
  db: Db,
  auth: AuthContext,
  q: z.infer<typeof unitExportQuery>,
) {
  const query = { ...q, page: 1, pageSize: EXPORT_ROW_CAP };
  const { items } = await listUnits(db, auth, query, EXPORT_ROW_CAP);
  // The list's count stops at 10,000; an export needs the exact number to say whether it was cut.
  const total =
    items.length < EXPORT_ROW_CAP
      ? items.length
      : ((await db.select({ n: count() }).from(units).where(unitFilters(auth, query)))[0]?.n ?? 0);
  const buildingIds = [...new Set(items.map((u) => u.buildingId))];
  const buildingRows = buildingIds.length
    ? await db
        .select({ id: buildings.id, code: buildings.code, name: buildings.name })
        .from(buildings)
        .where(inArray(buildings.id, buildingIds))
    : [];
  const byId = new Map(buildingRows.map((b) => [b.id, b]));
  const rows = items.map((u) => ({
    ...presentUnit(u),
    buildingCode: byId.get(u.buildingId)?.code ?? '',
    buildingName: byId.get(u.buildingId)?.name ?? '',
  }));
  return sendRowsAsXlsx(reply, {
    filename: '房屋.xlsx',
    sheetName: '房屋',
    columns: unitColumns,
    rows,
    total,
  });
}

export const staffExportQuery = staffListQuery.omit({ page: true, pageSize: true });

type PresentedStaff = ReturnType<typeof presentStaff> & { projectNames: string; timeZone: string };

const staffColumns: XlsxColumn<PresentedStaff>[] = [
  { header: '用户名', width: 14, value: (s) => s.username },
  { header: '姓名', width: 10, value: (s) => s.displayName },
  { header: '手机号码', width: 14, value: (s) => s.phone },
  { header: '邮箱', width: 22, value: (s) => s.email },
  { header: '部门', width: 12, value: (s) => s.department },
  { header: '角色', width: 20, value: (s) => joined(s.roles.map((r) => r.name)) },
  { header: '负责项目', width: 24, value: (s) => s.projectNames },
  { header: '技能', width: 20, value: (s) => joined(s.skills) },
  { header: '状态', width: 6, value: (s) => (s.active ? '启用' : '停用') },
  { header: '最近登录', width: 17, value: (s) => zonedTime(s.lastLoginAt, s.timeZone) },
];

export async function exportStaff(
  reply: FastifyReply,
  db: Db,
  auth: AuthContext,
  q: z.infer<typeof staffExportQuery>,
) {
  const [{ items, total }, projectRows] = await Promise.all([
    listStaff(db, auth, { ...q, page: 1, pageSize: EXPORT_ROW_CAP }),
    db
      .select({ id: projects.id, name: projects.name, timezone: projects.timezone })
      .from(projects)
      .where(inArray(projects.id, scopeIds(auth)))
      .orderBy(asc(projects.id)),
  ]);
  // Staff span projects: the one asked for sets the clock, else the caller's first project.
  const timeZone =
    (projectRows.find((p) => p.id === q.projectId) ?? projectRows[0])?.timezone ?? DEFAULT_TIME_ZONE;
  // Only the caller's own projects are named; the others are counted.
  const names = new Map(projectRows.map((p) => [p.id, p.name]));
  const projectNames = (ids: readonly number[]) => {
    const known = ids.flatMap((id) => names.get(id) ?? []);
    const others = ids.length - known.length;
    return joined(others ? [...known, `其他项目×${others}`] : known);
  };
  const rows = items.map((u) => {
    const s = presentStaff(auth, u);
    return { ...s, timeZone, projectNames: s.allProjects ? '全部项目' : projectNames(s.projectIds) };
  });
  return sendRowsAsXlsx(reply, {
    filename: '员工.xlsx',
    sheetName: '员工',
    columns: staffColumns,
    rows,
    total,
  });
}
