import type { Inspection, InspectionDetail } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuthContext } from '../../platform/auth/context';
import { can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { departments } from '../complaints/schema';
import { projects } from '../org/schema';
import { scoreSheet } from './rules/scoring';
import {
  type InspectionFindingRow,
  type InspectionRow,
  inspectionFindings,
  inspections,
  type ScoreSheetRow,
  scoreSheets,
} from './schema';
import { scoringParams } from './settings';
import { sheetView } from './sheets';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const inspector = alias(users, 'inspector');

export interface InspectionListQuery {
  page: number;
  pageSize: number;
  projectId?: number;
  state?: InspectionRow['state'];
  mode?: InspectionRow['mode'];
  sheetId?: number;
  mine?: 'true' | 'false';
}

function inspectionView(
  r: InspectionRow,
  x: {
    projectName: string;
    sheetName: string;
    sheetVersion: number;
    inspectorName: string;
    departmentName: string | null;
  },
): Inspection {
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: x.projectName,
    sheetId: r.sheetId,
    sheetName: x.sheetName,
    sheetVersion: x.sheetVersion,
    planId: r.planId,
    mode: r.mode,
    state: r.state,
    title: r.title,
    inspectorId: r.inspectorId,
    inspectorName: x.inspectorName,
    departmentId: r.departmentId,
    departmentName: x.departmentName,
    zoneId: r.zoneId,
    area: r.area,
    scheduledAt: iso(r.scheduledAt),
    startedAt: iso(r.startedAt),
    submittedAt: iso(r.submittedAt),
    sampledMonths: r.sampledMonths,
    notApplicable: r.notApplicable,
    total: r.total,
    percent: r.percent,
    version: r.version,
  };
}

const baseSelect = (db: DbOrTx) =>
  db
    .select({
      r: inspections,
      projectName: projects.name,
      sheetName: scoreSheets.name,
      sheetVersion: scoreSheets.sheetVersion,
      inspectorName: inspector.displayName,
      departmentName: departments.name,
    })
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .innerJoin(scoreSheets, eq(scoreSheets.id, inspections.sheetId))
    .innerJoin(inspector, eq(inspector.id, inspections.inspectorId))
    .leftJoin(departments, eq(departments.id, inspections.departmentId));

export async function listInspections(db: DbOrTx, auth: AuthContext, q: InspectionListQuery, cap?: number) {
  const where: SQL[] = [
    eq(inspections.companyId, auth.companyId),
    inArray(inspections.projectId, auth.projectIds.length ? [...auth.projectIds] : [-1]),
  ];
  if (q.projectId) where.push(eq(inspections.projectId, q.projectId));
  if (q.state) where.push(eq(inspections.state, q.state));
  if (q.mode) where.push(eq(inspections.mode, q.mode));
  if (q.sheetId) where.push(eq(inspections.sheetId, q.sheetId));
  if (q.mine === 'true') where.push(eq(inspections.inspectorId, auth.userId));
  // A mystery visit stays out of the inspected team's lists until it is submitted.
  if (!can(auth, 'quality.manage'))
    where.push(
      or(
        sql`${inspections.mode} <> 'mystery'`,
        eq(inspections.state, 'submitted'),
        eq(inspections.inspectorId, auth.userId),
      )!,
    );
  const pageSize = cap ?? q.pageSize;
  const rows = await baseSelect(db)
    .where(and(...where))
    .orderBy(
      sql`case ${inspections.state} when 'in_progress' then 0 when 'planned' then 1 else 2 end`,
      desc(sql`coalesce(${inspections.submittedAt}, ${inspections.scheduledAt}, ${inspections.createdAt})`),
      desc(inspections.id),
    )
    .limit(pageSize)
    .offset(cap ? 0 : (q.page - 1) * q.pageSize);
  const [c] = await db
    .select({ n: count() })
    .from(inspections)
    .where(and(...where));
  return {
    items: rows.map((x) => inspectionView(x.r, x)),
    total: Number(c?.n ?? 0),
    page: cap ? 1 : q.page,
    pageSize,
  };
}

export const findingsOf = (db: DbOrTx, inspectionId: number) =>
  db
    .select({ f: inspectionFindings, subjectName: users.displayName })
    .from(inspectionFindings)
    .leftJoin(users, eq(users.id, inspectionFindings.subjectUserId))
    .where(eq(inspectionFindings.inspectionId, inspectionId))
    .orderBy(asc(inspectionFindings.id));

/** The rules on the findings so far, with the project's current numbers (frozen at submit). */
export async function liveScores(
  db: DbOrTx,
  r: InspectionRow,
  sheet: ScoreSheetRow,
  findings: readonly Pick<InspectionFindingRow, 'itemKey' | 'count' | 'month'>[],
) {
  const params = await scoringParams(db, { companyId: r.companyId, projectId: r.projectId });
  return scoreSheet(sheet.sections, findings, {
    notApplicable: r.notApplicable,
    sampledMonths: r.sampledMonths,
    params,
  });
}

export async function inspectionDetail(db: DbOrTx, r: InspectionRow): Promise<InspectionDetail> {
  const [x] = await baseSelect(db).where(eq(inspections.id, r.id));
  const [sheet] = await db.select().from(scoreSheets).where(eq(scoreSheets.id, r.sheetId));
  if (!x || !sheet) throw new Error('inspection without its sheet');
  const findings = await findingsOf(db, r.id);
  const scores =
    r.scores ??
    (await liveScores(
      db,
      r,
      sheet,
      findings.map((f) => f.f),
    ));
  return {
    ...inspectionView(r, x),
    sheet: sheetView(sheet),
    findings: findings.map(({ f, subjectName }) => ({
      id: f.id,
      itemKey: f.itemKey,
      count: f.count,
      month: f.month,
      note: f.note,
      location: f.location,
      photoIds: f.photoIds,
      ncType: f.ncType,
      subjectUserId: f.subjectUserId,
      subjectName,
      departmentId: f.departmentId,
      ownerId: f.ownerId,
      deadline: iso(f.deadline),
      rectificationId: f.rectificationId,
      createdAt: f.createdAt.toISOString(),
    })),
    scores,
  };
}
