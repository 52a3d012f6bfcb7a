import { DISPATCH_MODES } from '@guanjia/shared';
import {
  dispatchRuleListSchema,
  dispatchRuleSchema,
  noContent,
  technicianDutySchema,
  technicianListSchema,
} from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { assertInScope, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { invalidate } from '../../platform/cache/caches';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { App } from '../../platform/http/app-types';
import { forbidden, notFound, staleVersion } from '../../platform/http/errors';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { loadSlaSettings } from '../sla/settings';
import { guardAny } from '../tickets/guard-any';
import { technicianCandidates } from './candidates';
import { retryPendingDispatch } from './retry';
import { dispatchRules, technicianStatus } from './schema';

const dutyBody = z.object({
  onDuty: z.boolean(),
  /** null = the project's dispatch.openCap; only dispatchers may change it. */
  openCap: z.number().int().min(0).max(100).nullish(),
});
const ruleBody = z.object({
  projectId: z.number().int().positive().nullish(),
  categoryId: z.number().int().positive().nullish(),
  mode: z.enum(DISPATCH_MODES),
});

export async function dispatchRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/technicians',
    {
      onRequest: guardAny('tickets.dispatch', 'workorders.execute'),
      schema: {
        tags: ['dispatch'],
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: technicianListSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      assertInScope(auth, projectId, 'Project');
      const settings = await loadSlaSettings(db, auth.companyId, projectId);
      const people = await technicianCandidates(db, auth.companyId, projectId, settings.dispatchOpenCap);
      return {
        items: people.map((p) => ({
          id: p.id,
          displayName: p.displayName,
          department: p.department,
          skills: p.skills,
          onDuty: p.onDuty,
          openCount: p.openCount,
          cap: p.cap,
          lastAssignedAt: p.lastAssignedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  // A technician sets himself on or off duty; a dispatcher may do it for anyone in a shared project.
  app.put(
    '/api/technicians/:id/duty',
    {
      onRequest: guardAny('tickets.dispatch', 'workorders.execute'),
      schema: {
        tags: ['dispatch'],
        params: idParam,
        body: dutyBody,
        response: { 200: technicianDutySchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const userId = request.params.id;
      const self = userId === auth.userId;
      if (!self && !can(auth, 'tickets.dispatch')) throw forbidden('tickets.dispatch');
      if (request.body.openCap !== undefined && !can(auth, 'tickets.dispatch'))
        throw forbidden('tickets.dispatch');
      const shared = (await db.execute(sql`
        select up.project_id from user_projects up join users u on u.id = up.user_id
         where up.user_id = ${userId} and u.company_id = ${auth.companyId}
           and up.project_id = any(${sql.param(scopeIds(auth))}::bigint[])`)) as unknown as {
        rows: { project_id: number }[];
      };
      if (!self && !shared.rows.length) throw notFound('Technician');
      const now = services.clock.now();
      const [row] = await db
        .insert(technicianStatus)
        .values({
          userId,
          companyId: auth.companyId,
          onDuty: request.body.onDuty,
          openCap: request.body.openCap ?? null,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: technicianStatus.userId,
          set: {
            onDuty: request.body.onDuty,
            ...(request.body.openCap !== undefined ? { openCap: request.body.openCap } : {}),
            updatedAt: now,
            version: sql`${technicianStatus.version} + 1`,
          },
        })
        .returning();
      await recordEvent(db, userActor(auth), now, {
        action: request.body.onDuty ? 'technician.on_duty' : 'technician.off_duty',
        entityType: 'user',
        entityId: userId,
        after: { onDuty: request.body.onDuty, openCap: row?.openCap ?? null },
      });
      // Someone just became available: orders waiting in automatic modes get another chance.
      if (request.body.onDuty)
        await retryPendingDispatch(
          services,
          shared.rows.map((r) => Number(r.project_id)),
        );
      return {
        userId,
        onDuty: row?.onDuty ?? request.body.onDuty,
        openCap: row?.openCap ?? null,
        version: row?.version ?? 1,
      };
    },
  );

  app.get(
    '/api/dispatch-rules',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags: ['dispatch'],
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: dispatchRuleListSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const rows = await db.select().from(dispatchRules).where(eq(dispatchRules.companyId, auth.companyId));
      const visible = rows.filter(
        (r) =>
          r.projectId === null ||
          (projectId ? r.projectId === projectId : auth.projectIds.includes(r.projectId)),
      );
      const defaultMode = projectId
        ? (await loadSlaSettings(db, auth.companyId, projectId)).dispatchDefaultMode
        : null;
      return {
        defaultMode,
        items: visible.map((r) => ({
          id: r.id,
          projectId: r.projectId,
          categoryId: r.categoryId,
          mode: r.mode,
          version: r.version,
        })),
      };
    },
  );

  app.put(
    '/api/dispatch-rules',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['dispatch'], body: ruleBody, response: { 200: dispatchRuleSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId = null, categoryId = null, mode } = request.body;
      if (projectId) assertInScope(auth, projectId, 'Project');
      else if (!auth.allProjects) throw forbidden('sla.manage (company-wide)');
      const now = services.clock.now();
      const result = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(dispatchRules)
          .where(
            and(
              eq(dispatchRules.companyId, auth.companyId),
              sql`coalesce(${dispatchRules.projectId}, 0) = ${projectId ?? 0}`,
              sql`coalesce(${dispatchRules.categoryId}, 0) = ${categoryId ?? 0}`,
            ),
          )
          .for('update');
        const [row] = existing
          ? await tx
              .update(dispatchRules)
              .set({ mode, version: existing.version + 1, updatedAt: now })
              .where(eq(dispatchRules.id, existing.id))
              .returning()
          : await tx
              .insert(dispatchRules)
              .values({ companyId: auth.companyId, projectId, categoryId, mode })
              .returning();
        if (!row) throw staleVersion('Dispatch rule', 0, 0);
        await recordEvent(tx, userActor(auth), now, {
          action: 'dispatch_rule.set',
          entityType: 'dispatch_rule',
          entityId: row.id,
          projectId,
          before: existing ? { mode: existing.mode } : null,
          after: { mode, categoryId },
        });
        return {
          id: row.id,
          projectId: row.projectId,
          categoryId: row.categoryId,
          mode: row.mode,
          version: row.version,
        };
      });
      await invalidate(services, 'dispatch-rules');
      return result;
    },
  );

  app.delete(
    '/api/dispatch-rules/:id',
    {
      onRequest: guard('sla.manage'),
      schema: {
        tags: ['dispatch'],
        params: idParam,
        querystring: versionQuery,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const now = services.clock.now();
      await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(dispatchRules)
          .where(eq(dispatchRules.id, request.params.id))
          .for('update');
        if (!existing || existing.companyId !== auth.companyId) throw notFound('Dispatch rule');
        if (existing.projectId !== null) assertInScope(auth, existing.projectId, 'Dispatch rule');
        else if (!auth.allProjects) throw forbidden('sla.manage (company-wide)');
        checkVersion(existing, request.query.version, 'Dispatch rule');
        await tx.delete(dispatchRules).where(eq(dispatchRules.id, existing.id));
        // Orders of that category go back to the next rule up (category → project → company → setting).
        await recordEvent(tx, userActor(auth), now, {
          action: 'dispatch_rule.deleted',
          entityType: 'dispatch_rule',
          entityId: existing.id,
          projectId: existing.projectId,
          before: { mode: existing.mode, categoryId: existing.categoryId },
        });
      });
      await invalidate(services, 'dispatch-rules');
      return reply.status(204).send(null);
    },
  );
}
