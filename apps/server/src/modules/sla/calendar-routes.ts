import { noContent, slaCalendarListSchema, slaCalendarSchema } from '@guanjia/shared/api';
import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { invalidate } from '../../platform/cache/caches';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { App } from '../../platform/http/app-types';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { calendarOfRow } from './context';
import { calendarInput, calendarPatch } from './inputs';
import { enqueueReapply } from './reapply';
import { addBusinessMinutes, standardDayMinutes } from './rules/business-calendar';
import { slaCalendars, slaPolicies } from './schema';

type CalendarRow = typeof slaCalendars.$inferSelect;
const present = (c: CalendarRow) => ({
  ...c,
  standardDayMinutes: standardDayMinutes(calendarOfRow(c)),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

function assertMayEdit(auth: AuthContext, projectId: number | null): void {
  if (projectId === null) {
    if (!auth.allProjects) throw forbidden('sla.manage (company-wide)');
  } else assertInScope(auth, projectId, 'Calendar');
}

/** A calendar is checked by using it once: bad times or zones answer 400 rather than break SLA math later. */
function assertUsable(
  row: Pick<CalendarRow, 'timezone' | 'weekdays' | 'holidays' | 'extraWorkdays' | 'always'>,
) {
  try {
    addBusinessMinutes(calendarOfRow(row as CalendarRow), new Date(0), 1);
  } catch (error) {
    throw badRequest(`Calendar is not usable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Only one default calendar per project (or per company). */
async function clearOtherDefaults(tx: DbOrTx, row: CalendarRow) {
  if (!row.isDefault) return;
  await tx
    .update(slaCalendars)
    .set({ isDefault: false })
    .where(
      and(
        eq(slaCalendars.companyId, row.companyId),
        row.projectId === null ? isNull(slaCalendars.projectId) : eq(slaCalendars.projectId, row.projectId),
        ne(slaCalendars.id, row.id),
      ),
    );
}

/** The calendar, row-locked, once the caller may edit it at the version they saw (404/403/409). */
async function lockEditable(tx: DbOrTx, auth: AuthContext, id: number, version: number) {
  const [existing] = await tx.select().from(slaCalendars).where(eq(slaCalendars.id, id)).for('update');
  if (!existing || existing.companyId !== auth.companyId) throw notFound('Calendar');
  if (existing.projectId !== null) assertInScope(auth, existing.projectId, 'Calendar');
  assertMayEdit(auth, existing.projectId);
  return checkVersion(existing, version, 'Calendar');
}

export async function calendarRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  const { db } = database;

  async function visible(auth: AuthContext, id: number) {
    const [row] = await db.select().from(slaCalendars).where(eq(slaCalendars.id, id));
    if (!row || row.companyId !== auth.companyId) throw notFound('Calendar');
    if (row.projectId !== null) assertInScope(auth, row.projectId, 'Calendar');
    return row;
  }

  app.get(
    '/api/calendars',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags: ['sla'],
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: slaCalendarListSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const projects = projectId ? [projectId] : scopeIds(auth);
      const rows = await db
        .select()
        .from(slaCalendars)
        .where(
          and(
            eq(slaCalendars.companyId, auth.companyId),
            or(isNull(slaCalendars.projectId), ...projects.map((p) => eq(slaCalendars.projectId, p))),
          ),
        )
        .orderBy(asc(slaCalendars.id));
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/api/calendars/:id',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['sla'], params: idParam, response: { 200: slaCalendarSchema } },
    },
    async (request) => present(await visible(currentAuth(request), request.params.id)),
  );

  app.post(
    '/api/calendars',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['sla'], body: calendarInput, response: { 201: slaCalendarSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const input = request.body;
      assertMayEdit(auth, input.projectId ?? null);
      assertUsable(input);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(slaCalendars)
          .values({
            ...input,
            companyId: auth.companyId,
            projectId: input.projectId ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        await clearOtherDefaults(tx, created);
        await recordEvent(tx, userActor(auth), now, {
          action: 'calendar.created',
          entityType: 'calendar',
          entityId: created.id,
          projectId: created.projectId,
          after: { name: created.name, isDefault: created.isDefault },
        });
        await enqueueReapply(app.services, tx, auth.companyId, created.projectId);
        return created;
      });
      // Policies and calendars are part of every project's cached SLA context.
      await invalidate(app.services, 'sla');
      return reply.status(201).send(present(row));
    },
  );

  app.put(
    '/api/calendars/:id',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['sla'], params: idParam, body: calendarPatch, response: { 200: slaCalendarSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { version, ...fields } = request.body;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const existing = await lockEditable(tx, auth, request.params.id, version);
        const changes = definedOnly(fields);
        assertUsable({ ...existing, ...changes });
        const [updated] = await tx
          .update(slaCalendars)
          .set({ ...changes, version: existing.version + 1, updatedAt: now })
          .where(eq(slaCalendars.id, existing.id))
          .returning();
        await clearOtherDefaults(tx, updated!);
        const delta = diff(existing, changes);
        await recordEvent(tx, userActor(auth), now, {
          action: 'calendar.updated',
          entityType: 'calendar',
          entityId: existing.id,
          projectId: existing.projectId,
          before: delta?.before,
          after: delta?.after,
        });
        await enqueueReapply(app.services, tx, auth.companyId, existing.projectId);
        return updated!;
      });
      await invalidate(app.services, 'sla');
      return present(row);
    },
  );

  app.delete(
    '/api/calendars/:id',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['sla'], params: idParam, querystring: versionQuery, response: { 204: noContent } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const existing = await lockEditable(tx, auth, request.params.id, request.query.version);
        // A policy naming it would silently fall back to the default calendar: the user decides first.
        const users = await tx
          .select({ id: slaPolicies.id, name: slaPolicies.name })
          .from(slaPolicies)
          .where(eq(slaPolicies.calendarId, existing.id));
        if (users.length)
          throw conflict('The calendar is used by SLA policies; point them at another calendar first', {
            policies: users,
          });
        await tx.delete(slaCalendars).where(eq(slaCalendars.id, existing.id));
        await recordEvent(tx, userActor(auth), now, {
          action: 'calendar.deleted',
          entityType: 'calendar',
          entityId: existing.id,
          projectId: existing.projectId,
          before: { name: existing.name, isDefault: existing.isDefault },
        });
        await enqueueReapply(app.services, tx, auth.companyId, existing.projectId);
      });
      await invalidate(app.services, 'sla');
      return reply.status(204).send(null);
    },
  );
}
