import type { InspectionInput } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { departments } from '../complaints/schema';
import { projectZone } from '../emergencies/roster';
import { zones } from '../zones/schema';
import { pickSampleMonths } from './rules/scoring';
import { type InspectionRow, inspections, type ScoreSheetRow } from './schema';
import { SAMPLED_MONTHS } from './settings';
import { sheetInScope } from './sheets';

/** The department and the zone must be of the inspection's project. */
export async function assertOfProject(
  tx: DbOrTx,
  projectId: number,
  ids: { departmentId?: number | null; zoneId?: number | null },
): Promise<void> {
  if (ids.departmentId) {
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, ids.departmentId), eq(departments.projectId, projectId)));
    if (!d)
      throw badRequest('The department is not of this project', { departmentId: 'not of this project' });
  }
  if (ids.zoneId) {
    const [z] = await tx
      .select({ id: zones.id })
      .from(zones)
      .where(and(eq(zones.id, ids.zoneId), eq(zones.projectId, projectId)));
    if (!z) throw badRequest('The zone is not of this project', { zoneId: 'not of this project' });
  }
}

/** A sheet usable for the project: the company's or the default, or this project's own copy. */
export function assertSheetForProject(sheet: ScoreSheetRow, projectId: number): void {
  if (sheet.projectId && sheet.projectId !== projectId)
    throw badRequest('The sheet is another project’s copy', { sheetId: 'not of this project' });
}

/** Q112: the record-audit months, drawn at random from the past year in the project's zone. */
export async function sampleMonths(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  now: Date,
): Promise<string[]> {
  const count = await getSetting(tx, SAMPLED_MONTHS, { companyId, projectId });
  const tz = await projectZone(tx, projectId);
  const p = zonedParts(now, tz);
  return pickSampleMonths({ year: p.year, month: p.month }, count, Math.random);
}

/**
 * An ad-hoc inspection (明查, 暗访) or a planned one started by hand: it takes the sheet version given
 * (the current one the console offered) and keeps it, whatever later versions change.
 */
export async function createInspection(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  input: InspectionInput,
): Promise<InspectionRow> {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const sheet = await sheetInScope(tx, auth, input.sheetId);
    assertSheetForProject(sheet, input.projectId);
    await assertOfProject(tx, input.projectId, input);
    const sampled = input.sampledMonths?.length
      ? [...new Set(input.sampledMonths)].sort()
      : await sampleMonths(tx, auth.companyId, input.projectId, now);
    const [row] = await tx
      .insert(inspections)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        sheetId: sheet.id,
        mode: input.mode,
        state: 'in_progress',
        title: input.title || sheet.name,
        inspectorId: auth.userId,
        departmentId: input.departmentId ?? null,
        zoneId: input.zoneId ?? null,
        area: input.area,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        startedAt: now,
        sampledMonths: sampled,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('inspection insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection.created',
      entityType: 'inspection',
      entityId: row.id,
      projectId: row.projectId,
      after: { sheetId: sheet.id, sheetVersion: sheet.sheetVersion, mode: row.mode, sampledMonths: sampled },
    });
    return row;
  });
}
