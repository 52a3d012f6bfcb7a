import { maskPhone } from '@guanjia/shared';
import type { SurveyCampaign, SurveyResults } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf, type PageQuery } from '../../platform/http/pagination';
import { getSetting } from '../../platform/settings/get-setting';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { zones } from '../zones/schema';
import { unitInZones } from '../zones/scope';
import { OVERALL, resultsFromTallies } from './rules/results';
import {
  type SurveyCampaignRow,
  surveyCampaigns,
  surveyInvitations,
  surveyTallies,
  surveyTemplates,
} from './schema';
import { SURVEY_COVERAGE_TARGET, SURVEY_SATISFACTION_TARGET } from './settings';

export async function campaignInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Survey campaign');
  assertInScope(auth, row.projectId, 'Survey campaign');
  return row;
}

async function respondedOf(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const rows = await db
    .select({ id: surveyTallies.campaignId, n: sql<number>`sum(${surveyTallies.responded})::int` })
    .from(surveyTallies)
    .where(and(inArray(surveyTallies.campaignId, ids), eq(surveyTallies.dimension, OVERALL)))
    .groupBy(surveyTallies.campaignId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function presentCampaigns(db: DbOrTx, rows: SurveyCampaignRow[]): Promise<SurveyCampaign[]> {
  const ids = rows.map((r) => r.id);
  const [responded, names] = await Promise.all([
    respondedOf(db, ids),
    ids.length
      ? db
          .select({ id: surveyTemplates.id, name: surveyTemplates.name })
          .from(surveyTemplates)
          .where(inArray(surveyTemplates.id, [...new Set(rows.map((r) => r.templateId))]))
      : Promise.resolve([]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((c) => ({
    id: c.id,
    projectId: c.projectId,
    templateId: c.templateId,
    templateName: nameOf.get(c.templateId) ?? '',
    name: c.name,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    channels: c.channels,
    zoneIds: c.zoneIds,
    buildingIds: c.buildingIds,
    tags: c.tags,
    households: c.households,
    responded: responded.get(c.id) ?? 0,
    skipped: c.skipped,
    remindersSent: c.remindersSent,
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
  }));
}

export async function listCampaigns(
  db: DbOrTx,
  auth: AuthContext,
  q: PageQuery & { projectId?: number; status?: 'open' | 'closed' },
) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = and(
    inArray(surveyCampaigns.projectId, scope.length ? scope : [-1]),
    eq(surveyCampaigns.companyId, auth.companyId),
    q.status ? eq(surveyCampaigns.status, q.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(surveyCampaigns)
      .where(where)
      .orderBy(desc(surveyCampaigns.startsOn), desc(surveyCampaigns.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(surveyCampaigns).where(where),
  ]);
  return {
    items: await presentCampaigns(db, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function surveyTargets(db: DbOrTx, scope: { companyId: number; projectId: number }) {
  const [coverage, satisfaction] = await Promise.all([
    getSetting(db, SURVEY_COVERAGE_TARGET, scope),
    getSetting(db, SURVEY_SATISFACTION_TARGET, scope),
  ]);
  return { coverage: coverage / 100, satisfaction: satisfaction / 100 };
}

/**
 * Live results (R07) from the counters: a few dozen rows whatever the campaign's size. A caller limited
 * to zones sees its zones' rows only (the campaign totals become its zones' totals).
 */
export async function campaignResults(
  db: DbOrTx,
  auth: AuthContext,
  c: SurveyCampaignRow,
): Promise<SurveyResults> {
  const [tallies, zoneRows, targets] = await Promise.all([
    db
      .select()
      .from(surveyTallies)
      .where(
        and(
          eq(surveyTallies.campaignId, c.id),
          auth.zoneIds != null
            ? inArray(surveyTallies.zoneId, auth.zoneIds.length ? [...auth.zoneIds] : [-1])
            : undefined,
        ),
      ),
    db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.projectId, c.projectId)),
    surveyTargets(db, c),
  ]);
  return { campaignId: c.id, ...resultsFromTallies(tallies, zoneRows, targets) };
}

export interface InvitationQuery extends PageQuery {
  answered?: boolean;
  zoneId?: number;
  q?: string;
}

/** The households of a campaign, unanswered first for the phone interviewers; contacts masked without pii.view. */
export async function listInvitations(
  db: DbOrTx,
  auth: AuthContext,
  c: SurveyCampaignRow,
  q: InvitationQuery,
) {
  const where = and(
    eq(surveyInvitations.campaignId, c.id),
    q.answered === undefined
      ? undefined
      : q.answered
        ? isNotNull(surveyInvitations.answeredAt)
        : isNull(surveyInvitations.answeredAt),
    q.zoneId ? eq(surveyInvitations.zoneId, q.zoneId) : undefined,
    q.q ? sql`${units.label} like ${`${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : undefined,
    unitInZones(auth, surveyInvitations.unitId),
  ) as SQL;
  const [rows, [total]] = await Promise.all([
    db
      .select({ inv: surveyInvitations, label: units.label })
      .from(surveyInvitations)
      .innerJoin(units, eq(units.id, surveyInvitations.unitId))
      .where(where)
      .orderBy(sql`${surveyInvitations.answeredAt} is not null`, asc(units.label))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(surveyInvitations)
      .innerJoin(units, eq(units.id, surveyInvitations.unitId))
      .where(where),
  ]);
  const contacts = await householdContacts(
    db,
    rows.map((r) => r.inv.unitId),
  );
  const pii = can(auth, 'pii.view');
  return {
    items: rows.map(({ inv, label }) => {
      const contact = contacts.get(inv.unitId);
      return {
        id: inv.id,
        unitId: inv.unitId,
        unitLabel: label,
        zoneId: inv.zoneId,
        contactName: contact?.name ?? null,
        contactPhone: contact?.phone ? (pii ? contact.phone : maskPhone(contact.phone)) : null,
        answeredAt: inv.answeredAt?.toISOString() ?? null,
        channel: inv.channel,
        reminders: inv.reminders,
        lastRemindedAt: inv.lastRemindedAt?.toISOString() ?? null,
      };
    }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Whom to call for each household: the owner first, then anyone with a phone. */
export async function householdContacts(db: DbOrTx, unitIds: number[]) {
  const out = new Map<number, { residentId: number; name: string; phone: string | null }>();
  if (!unitIds.length) return out;
  const rows = await db
    .select({
      unitId: residentUnits.unitId,
      residentId: residents.id,
      name: residents.name,
      relation: residentUnits.relation,
      phone: residentPhones.raw,
    })
    .from(residentUnits)
    .innerJoin(residents, eq(residents.id, residentUnits.residentId))
    .leftJoin(
      residentPhones,
      and(eq(residentPhones.residentId, residents.id), eq(residentPhones.position, 0)),
    )
    .where(inArray(residentUnits.unitId, unitIds))
    .orderBy(sql`${residentUnits.relation} <> '业主'`, asc(residents.id));
  for (const r of rows)
    if (!out.has(r.unitId)) out.set(r.unitId, { residentId: r.residentId, name: r.name, phone: r.phone });
  return out;
}
