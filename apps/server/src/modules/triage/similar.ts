import { OPEN_TICKET_STATUSES } from '@guanjia/shared';
import { and, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { Database } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { buildings, units } from '../org/schema';
import { ticketCategories, tickets } from '../tickets/schema';
import { featuresOf } from './rules/features';
import { overlap, signature } from './rules/similarity';
import { ticketSimilarLinks } from './schema';
import { segmenter } from './segmenter';
import { TRIAGE_INCIDENT_CLUSTER, TRIAGE_SIMILAR_HOURS } from './settings';

/** Estimated overlap above which two texts are the same problem (the unit tests keep 漏水 apart from 停水). */
export const SAME_PROBLEM = 0.55;
/** Same leaf category lowers the bar: "没水了" and "停水了吗" share few words but one problem. */
export const SAME_CATEGORY = 0.3;

export const signatureOf = (text: string) => {
  const { counts } = featuresOf(text, segmenter().segment);
  // Unigrams make every two Chinese texts look alike: compare on words and bigrams only.
  return signature([...counts.keys()].filter((k) => !k.startsWith('u:')));
};

/** The title adds the problem's name when an agent wrote one; the intake's default title is the text. */
export const textOf = (x: { title: string; description: string }) =>
  x.description.startsWith(x.title.replace(/…$/, '')) ? x.description : `${x.title} ${x.description}`;

const maskDigits = (s: string) => s.replace(/\d{7,}/g, (d) => `${d.slice(0, 3)}****${d.slice(-4)}`);

/**
 * Open tickets of the same building (or, without a unit, the same project and category) reported
 * within the window around this one, that read like the same problem.
 */
export async function similarTickets(database: Database, auth: AuthContext, ticketId: number) {
  const { db } = database;
  const [t] = await db
    .select({
      id: tickets.id,
      companyId: tickets.companyId,
      projectId: tickets.projectId,
      unitId: tickets.unitId,
      categoryId: tickets.categoryId,
      title: tickets.title,
      description: tickets.description,
      createdAt: tickets.createdAt,
      buildingId: units.buildingId,
      buildingName: buildings.name,
      categoryPath: ticketCategories.pathNames,
    })
    .from(tickets)
    .leftJoin(units, eq(units.id, tickets.unitId))
    .leftJoin(buildings, eq(buildings.id, units.buildingId))
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(and(eq(tickets.id, ticketId), eq(tickets.companyId, auth.companyId)));
  if (!t) throw notFound('Ticket');
  assertInScope(auth, t.projectId, 'Ticket');
  const scope = { companyId: t.companyId, projectId: t.projectId };
  const [hours, threshold] = await Promise.all([
    getSetting(db, TRIAGE_SIMILAR_HOURS, scope),
    getSetting(db, TRIAGE_INCIDENT_CLUSTER, scope),
  ]);
  const from = new Date(t.createdAt.getTime() - hours * 3_600_000);
  const to = new Date(t.createdAt.getTime() + hours * 3_600_000);
  const place = t.buildingId
    ? eq(units.buildingId, t.buildingId)
    : t.categoryId
      ? eq(tickets.categoryId, t.categoryId)
      : eq(tickets.id, -1);
  const candidates = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      status: tickets.status,
      categoryId: tickets.categoryId,
      categoryPath: ticketCategories.pathNames,
      unitLabel: units.label,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .leftJoin(units, eq(units.id, tickets.unitId))
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(
      and(
        eq(tickets.projectId, t.projectId),
        ne(tickets.id, t.id),
        inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
        gte(tickets.createdAt, from),
        lte(tickets.createdAt, to),
        place,
      ),
    )
    .limit(200);
  const mine = signatureOf(textOf(t));
  const linked = new Set(
    candidates.length
      ? (
          await db
            .select({ a: ticketSimilarLinks.ticketId, b: ticketSimilarLinks.otherTicketId })
            .from(ticketSimilarLinks)
            .where(or(eq(ticketSimilarLinks.ticketId, t.id), eq(ticketSimilarLinks.otherTicketId, t.id)))
        ).map((l) => (l.a === t.id ? l.b : l.a))
      : [],
  );
  const pii = can(auth, 'pii.view');
  const items = candidates
    .map((c) => ({ c, sim: overlap(mine, signatureOf(textOf(c))) }))
    .filter(
      ({ c, sim }) =>
        linked.has(c.id) ||
        sim >= SAME_PROBLEM ||
        (t.categoryId !== null && c.categoryId === t.categoryId && sim >= SAME_CATEGORY),
    )
    .sort((a, b) => b.sim - a.sim || a.c.id - b.c.id)
    .slice(0, 50)
    .map(({ c, sim }) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      description: pii ? c.description : maskDigits(c.description),
      status: c.status,
      categoryPath: c.categoryPath,
      unitLabel: c.unitLabel,
      createdAt: c.createdAt.toISOString(),
      similarity: Math.round(sim * 100) / 100,
      linked: linked.has(c.id),
    }));
  return {
    ticketId: t.id,
    buildingName: t.buildingName,
    windowHours: hours,
    label: t.categoryPath?.split('/').slice(-1)[0] ?? t.title,
    items,
    suggestIncident: items.length + 1 >= threshold,
    incidentThreshold: threshold,
  };
}
