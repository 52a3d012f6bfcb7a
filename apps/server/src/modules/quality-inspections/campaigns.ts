import { CAMPAIGN_ROLES } from '@guanjia/shared';
import type { CampaignResults, campaignInput, QualityCampaign } from '@guanjia/shared/api';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { departments } from '../complaints/schema';
import { projects } from '../org/schema';
import { inspectionInScope } from './load';
import { bandOutcome } from './rules/bands';
import { campaignTemplate } from './rules/campaign-template';
import { type QualityCampaignRow, qualityCampaigns, qualityCampaignUnits } from './schema';
import { bandParams } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

export async function campaignInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(qualityCampaigns).where(eq(qualityCampaigns.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Quality campaign');
  assertInScope(auth, row.projectId, 'Quality campaign');
  return row;
}

async function unitsOf(db: DbOrTx, campaignIds: number[]) {
  if (!campaignIds.length) return [];
  return db
    .select({ u: qualityCampaignUnits, departmentName: departments.name })
    .from(qualityCampaignUnits)
    .innerJoin(departments, eq(departments.id, qualityCampaignUnits.departmentId))
    .where(inArray(qualityCampaignUnits.campaignId, campaignIds))
    .orderBy(asc(departments.sortOrder), asc(departments.id));
}

export async function campaignViews(db: DbOrTx, rows: QualityCampaignRow[]): Promise<QualityCampaign[]> {
  const units = await unitsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(
    (
      await db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(inArray(projects.id, rows.length ? rows.map((r) => r.projectId) : [-1]))
    ).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    projectName: names.get(r.projectId) ?? '',
    title: r.title,
    phases: r.phases,
    ownerId: r.ownerId,
    units: units
      .filter((x) => x.u.campaignId === r.id)
      .map(({ u, departmentName }) => ({
        departmentId: u.departmentId,
        departmentName,
        managerId: u.managerId,
        supervisorId: u.supervisorId,
        leadId: u.leadId,
        inspectionId: u.inspectionId,
        score: u.score,
      })),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

export async function listCampaigns(db: DbOrTx, auth: AuthContext, projectId?: number) {
  if (projectId) assertInScope(auth, projectId, 'Project');
  const ids = projectId ? [projectId] : [...auth.projectIds];
  const rows = await db
    .select()
    .from(qualityCampaigns)
    .where(
      and(
        eq(qualityCampaigns.companyId, auth.companyId),
        inArray(qualityCampaigns.projectId, ids.length ? ids : [-1]),
      ),
    )
    .orderBy(desc(qualityCampaigns.id))
    .limit(200);
  return campaignViews(db, rows);
}

export async function createCampaign(ctx: Ctx, auth: AuthContext, input: z.infer<typeof campaignInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const deptIds = input.units.map((u) => u.departmentId);
    if (new Set(deptIds).size !== deptIds.length)
      throw badRequest('A department is listed twice', { units: deptIds });
    if (deptIds.length) {
      const found = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(inArray(departments.id, deptIds), eq(departments.projectId, input.projectId)));
      if (found.length !== deptIds.length)
        throw badRequest('The department is not of this project', { departmentId: 'not of this project' });
    }
    const year = input.year ?? zonedParts(now).year;
    const [row] = await tx
      .insert(qualityCampaigns)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        title: input.title,
        phases: input.phases ?? campaignTemplate(year),
        ownerId: input.ownerId ?? auth.userId,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('campaign insert returned nothing');
    if (input.units.length)
      await tx.insert(qualityCampaignUnits).values(
        input.units.map((u) => ({
          campaignId: row.id,
          departmentId: u.departmentId,
          managerId: u.managerId ?? null,
          supervisorId: u.supervisorId ?? null,
          leadId: u.leadId ?? null,
          updatedAt: now,
        })),
      );
    await recordEvent(tx, userActor(auth), now, {
      action: 'quality_campaign.created',
      entityType: 'quality_campaign',
      entityId: row.id,
      projectId: row.projectId,
      after: { title: row.title, departments: deptIds },
    });
    return row;
  });
}

export async function updateCampaign(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { version: number; title?: string; phases?: QualityCampaignRow['phases'] },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = checkVersion(await campaignInScope(tx, auth, id, true), input.version, 'Quality campaign');
    const patch = {
      ...(input.title ? { title: input.title } : {}),
      ...(input.phases ? { phases: input.phases } : {}),
    };
    const [u] = await tx
      .update(qualityCampaigns)
      .set({ ...patch, updatedAt: now, version: c.version + 1 })
      .where(eq(qualityCampaigns.id, id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'quality_campaign.updated',
      entityType: 'quality_campaign',
      entityId: id,
      projectId: c.projectId,
      before: { title: c.title },
      after: { title: u.title, phases: input.phases ? input.phases.length : undefined },
    });
    return u;
  });
}

/** A department's acceptance score: given on the 100-point scale, or taken from a submitted inspection. */
export async function scoreCampaignUnit(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { departmentId: number; score?: number; inspectionId?: number },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await campaignInScope(tx, auth, id, true);
    const [unit] = await tx
      .select()
      .from(qualityCampaignUnits)
      .where(
        and(
          eq(qualityCampaignUnits.campaignId, id),
          eq(qualityCampaignUnits.departmentId, input.departmentId),
        ),
      );
    if (!unit)
      throw badRequest('The department is not in this campaign', { departmentId: input.departmentId });
    let score = input.score;
    if (input.inspectionId) {
      const i = await inspectionInScope(tx, auth, input.inspectionId);
      if (i.projectId !== c.projectId || i.state !== 'submitted' || i.percent === null)
        throw badRequest('Take the score from a submitted inspection of this project', {
          inspectionId: input.inspectionId,
        });
      score = i.percent;
    }
    if (score === undefined) throw badRequest('Give a score or an inspection', { score: 'required' });
    await tx
      .update(qualityCampaignUnits)
      .set({ score, inspectionId: input.inspectionId ?? null, updatedAt: now })
      .where(eq(qualityCampaignUnits.id, unit.id));
    await tx
      .update(qualityCampaigns)
      .set({ updatedAt: now, version: c.version + 1 })
      .where(eq(qualityCampaigns.id, id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'quality_campaign.scored',
      entityType: 'quality_campaign',
      entityId: id,
      projectId: c.projectId,
      before: { departmentId: unit.departmentId, score: unit.score },
      after: { departmentId: unit.departmentId, score, inspectionId: input.inspectionId ?? null },
    });
    return c;
  });
}

/**
 * The results table finance exports: each department's band (Q114) and the signed amount for its
 * manager, supervisor and team lead (Q115–Q117), plus the team award (Q118), with the project's numbers.
 */
export async function campaignResults(db: DbOrTx, c: QualityCampaignRow): Promise<CampaignResults> {
  const params = await bandParams(db, { companyId: c.companyId, projectId: c.projectId });
  const units = await unitsOf(db, [c.id]);
  const people = units
    .flatMap(({ u }) => [u.managerId, u.supervisorId, u.leadId])
    .filter((x): x is number => !!x);
  const names = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, people.length ? people : [-1]))
    ).map((u) => [u.id, u.name]),
  );
  const totals = { rewards: 0, penalties: 0, teamAwards: 0 };
  const rows = units.map(({ u, departmentName }) => {
    const outcome = u.score === null ? null : bandOutcome(u.score, params);
    const ids = { manager: u.managerId, supervisor: u.supervisorId, lead: u.leadId };
    const persons = CAMPAIGN_ROLES.map((role) => {
      const amount = outcome && ids[role] ? outcome.amounts[role] : 0;
      if (amount > 0) totals.rewards += amount;
      else totals.penalties += -amount;
      return { role, userId: ids[role], name: ids[role] ? (names.get(ids[role]) ?? null) : null, amount };
    });
    const teamAward = outcome?.teamAward ?? 0;
    totals.teamAwards += teamAward;
    return {
      departmentId: u.departmentId,
      departmentName,
      score: u.score,
      band: outcome?.band ?? null,
      people: persons,
      teamAward,
    };
  });
  return { campaignId: c.id, title: c.title, rows, totals };
}
