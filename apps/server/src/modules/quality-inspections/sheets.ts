import type { ScoreSheet, SheetSection } from '@guanjia/shared/api';
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import { AppError, badRequest, notFound, staleVersion } from '../../platform/http/errors';
import { DEFAULT_SHEETS, sheetFullPoints } from './default-sheets';
import { type ScoreSheetRow, scoreSheets } from './schema';

export const sheetView = (r: ScoreSheetRow): ScoreSheet => ({
  id: r.id,
  scope: r.scope,
  projectId: r.projectId,
  code: r.code,
  kind: r.kind,
  name: r.name,
  description: r.description,
  sheetVersion: r.sheetVersion,
  current: r.current,
  parentId: r.parentId,
  fullPoints: sheetFullPoints(r.sections),
  sections: r.sections,
  createdAt: r.createdAt.toISOString(),
});

/** The group's default sheets for a new company (bootstrap), inside its transaction. */
export async function seedDefaultSheets(tx: DbOrTx, companyId: number, now: Date): Promise<void> {
  await tx
    .insert(scoreSheets)
    .values(
      DEFAULT_SHEETS.map((s) => ({
        companyId,
        scope: 'default' as const,
        code: s.code,
        kind: s.kind,
        name: s.name,
        description: s.description,
        sheetVersion: 1,
        current: true,
        sections: s.sections,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** A sheet row the caller may read: the company's, and a project copy only of a project in scope. */
export async function sheetInScope(db: DbOrTx, auth: AuthContext, id: number): Promise<ScoreSheetRow> {
  const [row] = await db.select().from(scoreSheets).where(eq(scoreSheets.id, id));
  if (!row || row.companyId !== auth.companyId) throw notFound('ScoreSheet');
  if (row.projectId) assertInScope(auth, row.projectId, 'ScoreSheet');
  return row;
}

/**
 * The current sheets in effect: for a project its own copy of a code, else the company's, else the
 * group default (like settings); without a project the company's and the defaults.
 */
export async function effectiveSheets(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number | undefined,
): Promise<ScoreSheetRow[]> {
  if (projectId) assertInScope(auth, projectId, 'Project');
  const rows = await db
    .select()
    .from(scoreSheets)
    .where(
      and(
        eq(scoreSheets.companyId, auth.companyId),
        eq(scoreSheets.current, true),
        projectId
          ? or(isNull(scoreSheets.projectId), eq(scoreSheets.projectId, projectId))
          : isNull(scoreSheets.projectId),
      ),
    )
    .orderBy(asc(scoreSheets.id));
  const rank = { project: 0, company: 1, default: 2 } as const;
  const best = new Map<string, ScoreSheetRow>();
  for (const r of rows) {
    const had = best.get(r.code);
    if (!had || rank[r.scope] < rank[had.scope]) best.set(r.code, r);
  }
  return [...best.values()];
}

/** Every stored version of a sheet's code at the sheet's own level, newest first. */
export async function sheetVersions(db: DbOrTx, sheet: ScoreSheetRow): Promise<ScoreSheetRow[]> {
  return db
    .select()
    .from(scoreSheets)
    .where(
      and(
        eq(scoreSheets.companyId, sheet.companyId),
        eq(scoreSheets.code, sheet.code),
        eq(scoreSheets.scope, sheet.scope),
        sheet.projectId ? eq(scoreSheets.projectId, sheet.projectId) : isNull(scoreSheets.projectId),
      ),
    )
    .orderBy(desc(scoreSheets.sheetVersion));
}

function assertItemKeysUnique(sections: readonly SheetSection[]) {
  const keys = sections.flatMap((s) => s.items.map((i) => i.key));
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw badRequest('Item keys must be unique within a sheet', { key: dup });
  const secKeys = sections.map((s) => s.key);
  const dupSec = secKeys.find((k, i) => secKeys.indexOf(k) !== i);
  if (dupSec) throw badRequest('Section keys must be unique within a sheet', { key: dupSec });
}

/** Copy a sheet down a level (default → company, default/company → project), to adapt it there. */
export async function copySheet(
  db: DbOrTx,
  auth: AuthContext,
  now: Date,
  id: number,
  projectId: number | undefined,
): Promise<ScoreSheetRow> {
  return db.transaction(async (tx) => {
    const from = await sheetInScope(tx, auth, id);
    if (projectId) assertInScope(auth, projectId, 'Project');
    const scope = projectId ? 'project' : 'company';
    if (from.scope === 'project' || (from.scope === 'company' && scope === 'company'))
      throw badRequest('A sheet is copied down a level: default → company → project', { scope: from.scope });
    const [existing] = await tx
      .select({ id: scoreSheets.id })
      .from(scoreSheets)
      .where(
        and(
          eq(scoreSheets.companyId, auth.companyId),
          eq(scoreSheets.code, from.code),
          eq(scoreSheets.scope, scope),
          projectId ? eq(scoreSheets.projectId, projectId) : isNull(scoreSheets.projectId),
        ),
      );
    if (existing)
      throw new AppError(409, 'conflict', 'This level already has its copy of the sheet', {
        sheetId: existing.id,
      });
    const [row] = await tx
      .insert(scoreSheets)
      .values({
        companyId: auth.companyId,
        scope,
        projectId: projectId ?? null,
        code: from.code,
        kind: from.kind,
        name: from.name,
        description: from.description,
        sheetVersion: 1,
        current: true,
        parentId: from.id,
        sections: from.sections,
        createdBy: auth.userId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('sheet insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'score_sheet.copied',
      entityType: 'score_sheet',
      entityId: row.id,
      projectId: row.projectId,
      after: { code: row.code, scope, fromId: from.id },
    });
    return row;
  });
}

/** A new version of a company or project sheet; inspections already scored keep theirs. */
export async function newSheetVersion(
  db: DbOrTx,
  auth: AuthContext,
  now: Date,
  id: number,
  input: { name?: string; description?: string; sections: SheetSection[]; sheetVersion: number },
): Promise<ScoreSheetRow> {
  assertItemKeysUnique(input.sections);
  return db.transaction(async (tx) => {
    const from = await sheetInScope(tx, auth, id);
    if (from.scope === 'default')
      throw badRequest('The group default stays as seeded: copy it to the company or a project first', {
        scope: from.scope,
      });
    const [latest] = await sheetVersions(tx, from);
    if (!latest || latest.sheetVersion !== input.sheetVersion)
      throw staleVersion('ScoreSheet', input.sheetVersion, latest?.sheetVersion ?? 0);
    await tx.update(scoreSheets).set({ current: false }).where(eq(scoreSheets.id, latest.id));
    const [row] = await tx
      .insert(scoreSheets)
      .values({
        companyId: from.companyId,
        scope: from.scope,
        projectId: from.projectId,
        code: from.code,
        kind: from.kind,
        name: input.name ?? latest.name,
        description: input.description ?? latest.description,
        sheetVersion: latest.sheetVersion + 1,
        current: true,
        parentId: latest.parentId,
        sections: input.sections,
        createdBy: auth.userId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('sheet insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'score_sheet.versioned',
      entityType: 'score_sheet',
      entityId: row.id,
      projectId: row.projectId,
      before: { id: latest.id, sheetVersion: latest.sheetVersion },
      after: {
        sheetVersion: row.sheetVersion,
        items: input.sections.reduce((s, x) => s + x.items.length, 0),
      },
    });
    return row;
  });
}
