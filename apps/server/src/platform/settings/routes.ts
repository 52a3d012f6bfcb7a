import { okSchema, settingListSchema, settingWrittenSchema } from '@guanjia/shared/api';
import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { assertInScope } from '../auth/context';
import { currentAuth, guard } from '../auth/guard';
import { invalidate } from '../cache/caches';
import type { DbOrTx } from '../db/client';
import { recordEvent } from '../events/record-event';
import type { App } from '../http/app-types';
import { badRequest, notFound, staleVersion } from '../http/errors';
import { findSetting, type SettingDefinition, settingDefinitions } from './registry';
import { settings } from './schema';

export async function settingsRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;

  /** A setting whose change must reach rows already written names a job (onChangeJob): queue it with the write. */
  const announceChange = async (
    tx: DbOrTx,
    definition: SettingDefinition<unknown>,
    companyId: number,
    projectId: number | undefined,
  ) => {
    if (definition.onChangeJob)
      await app.services.queue.enqueue(
        definition.onChangeJob,
        { companyId, projectId: projectId ?? null },
        { tx },
      );
  };

  app.get(
    '/api/settings',
    {
      onRequest: guard('settings.read'),
      schema: {
        tags: ['settings'],
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: settingListSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const rows = await database.db
        .select()
        .from(settings)
        .where(
          or(
            and(eq(settings.scope, 'company'), eq(settings.scopeId, auth.companyId)),
            projectId ? and(eq(settings.scope, 'project'), eq(settings.scopeId, projectId)) : undefined,
          ),
        );
      const items = settingDefinitions().map((d) => {
        const row =
          rows.find((r) => r.key === d.key && r.scope === 'project') ?? rows.find((r) => r.key === d.key);
        return {
          key: d.key,
          qid: d.qid ?? null,
          description: d.description,
          defaultValue: d.defaultValue,
          value: row ? row.value : d.defaultValue,
          source: row ? row.scope : ('default' as const),
          version: row?.version ?? null,
        };
      });
      return { items };
    },
  );

  app.put(
    '/api/settings/:key',
    {
      onRequest: guard('settings.write'),
      schema: {
        tags: ['settings'],
        params: z.object({ key: z.string() }),
        body: z.object({
          projectId: z.number().int().positive().optional(),
          value: z.unknown(),
          /** Required when an override already exists: the version that was read. */
          version: z.number().int().positive().optional(),
        }),
        response: { 200: settingWrittenSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const definition = findSetting(request.params.key);
      if (!definition) throw notFound('Setting');
      const { projectId, value, version } = request.body;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const parsed = definition.schema.safeParse(value);
      if (!parsed.success) throw badRequest(`Invalid value for ${definition.key}`, parsed.error.issues);
      const scope = projectId ? ('project' as const) : ('company' as const);
      const scopeId = projectId ?? auth.companyId;
      const now = clock.now();
      const result = await database.db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(settings)
          .where(
            and(eq(settings.scope, scope), eq(settings.scopeId, scopeId), eq(settings.key, definition.key)),
          )
          .for('update');
        if (existing && existing.version !== version)
          throw staleVersion('Setting', version ?? 0, existing.version);
        const [row] = existing
          ? await tx
              .update(settings)
              .set({ value: parsed.data, version: existing.version + 1, updatedAt: now })
              .where(eq(settings.id, existing.id))
              .returning()
          : await tx
              .insert(settings)
              .values({ scope, scopeId, key: definition.key, value: parsed.data })
              .returning();
        await recordEvent(tx, { userId: auth.userId, companyId: auth.companyId, source: 'user' }, now, {
          action: 'setting.changed',
          entityType: 'setting',
          entityId: definition.key,
          projectId: projectId ?? null,
          before: existing ? { value: existing.value } : { value: definition.defaultValue },
          after: { value: parsed.data },
        });
        await announceChange(tx, definition, auth.companyId, projectId);
        return { key: definition.key, scope, value: row?.value, version: row?.version };
      });
      // SLA and dispatch settings are part of every project's cached SLA context.
      await invalidate(app.services, 'sla');
      return result;
    },
  );

  app.delete(
    '/api/settings/:key',
    {
      onRequest: guard('settings.write'),
      schema: {
        tags: ['settings'],
        params: z.object({ key: z.string() }),
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const scope = projectId ? 'project' : 'company';
      const removed = await database.db.transaction(async (tx) => {
        const rows = await tx
          .delete(settings)
          .where(
            and(
              eq(settings.key, request.params.key),
              eq(settings.scope, scope),
              inArray(settings.scopeId, [projectId ?? auth.companyId]),
            ),
          )
          .returning();
        if (rows[0]) {
          await recordEvent(
            tx,
            { userId: auth.userId, companyId: auth.companyId, source: 'user' },
            clock.now(),
            {
              action: 'setting.reset',
              entityType: 'setting',
              entityId: request.params.key,
              projectId: projectId ?? null,
              before: { value: rows[0].value },
            },
          );
          const definition = findSetting(request.params.key);
          if (definition) await announceChange(tx, definition, auth.companyId, projectId);
        }
        return rows.length;
      });
      if (!removed) throw notFound('Setting override');
      await invalidate(app.services, 'sla');
      return { ok: true };
    },
  );
}
