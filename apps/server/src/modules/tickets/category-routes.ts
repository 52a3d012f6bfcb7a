import { CALLBACK_RULES, TICKET_PRIORITIES } from '@guanjia/shared';
import { itemsOf, ticketCategorySchema } from '@guanjia/shared/api';
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { invalidate } from '../../platform/cache/caches';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { App } from '../../platform/http/app-types';
import { badRequest, forbidden, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { scopeIds } from '../org/queries';
import { type CategoryRow, ensureCategoryTree, listCategories } from './categories';
import { ticketCategories } from './schema';

const categoryInput = z.object({
  /** null/absent = a company-wide category (administrators of all projects only). */
  projectId: z.number().int().positive().nullish(),
  parentId: z.number().int().positive().nullish(),
  name: z.string().trim().min(1).max(30),
  skill: z.string().trim().max(20).nullish(),
  callbackRule: z.enum(CALLBACK_RULES).nullish(),
  defaultPriority: z.enum(TICKET_PRIORITIES).nullish(),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
const categoryPatch = patchOf(
  categoryInput.pick({ name: true, skill: true, callbackRule: true, defaultPriority: true, sortOrder: true }),
).extend({ active: z.boolean().optional(), version: z.number().int().positive() });

const present = (c: CategoryRow) => ({
  id: c.id,
  projectId: c.projectId,
  parentId: c.parentId,
  level: c.level,
  name: c.name,
  path: c.pathNames,
  pathIds: c.pathIds,
  skill: c.skill,
  callbackRule: c.callbackRule,
  defaultPriority: c.defaultPriority,
  sortOrder: c.sortOrder,
  active: c.active,
  version: c.version,
});

/** Company rows need a company-wide editor; project rows need the project in scope (else 404). */
function assertMayEdit(auth: AuthContext, projectId: number | null): void {
  if (projectId === null) {
    if (!auth.allProjects) throw forbidden('sla.manage (company-wide)');
    return;
  }
  assertInScope(auth, projectId, 'Category');
}

/** The three-level category tree (place › category › problem), editable per company and project. */
export async function categoryRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  const { db } = database;

  app.get(
    '/api/ticket-categories',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags: ['tickets'],
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: itemsOf(ticketCategorySchema) },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      await ensureCategoryTree(db, auth.companyId);
      const rows = await listCategories(db, auth.companyId, projectId ? [projectId] : scopeIds(auth));
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/api/ticket-categories',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['tickets'], body: categoryInput, response: { 201: ticketCategorySchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const input = request.body;
      assertMayEdit(auth, input.projectId ?? null);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [parent] = input.parentId
          ? await tx.select().from(ticketCategories).where(eq(ticketCategories.id, input.parentId))
          : [];
        if (input.parentId && (!parent || parent.companyId !== auth.companyId))
          throw badRequest('Unknown parent category');
        if (parent && parent.level >= 3)
          throw badRequest('The tree has three levels: place › category › problem');
        if (parent?.projectId && parent.projectId !== input.projectId)
          throw badRequest('Parent belongs to another project');
        const [created] = await tx
          .insert(ticketCategories)
          .values({
            companyId: auth.companyId,
            projectId: input.projectId ?? null,
            parentId: parent?.id ?? null,
            level: parent ? parent.level + 1 : 1,
            name: input.name,
            pathIds: parent?.pathIds ?? [],
            pathNames: parent ? `${parent.pathNames}/${input.name}` : input.name,
            skill: input.skill ?? null,
            callbackRule: input.callbackRule ?? null,
            defaultPriority: input.defaultPriority ?? null,
            sortOrder: input.sortOrder,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        const [withPath] = await tx
          .update(ticketCategories)
          .set({ pathIds: [...created.pathIds, created.id] })
          .where(eq(ticketCategories.id, created.id))
          .returning();
        await recordEvent(tx, userActor(auth), now, {
          action: 'category.created',
          entityType: 'ticket_category',
          entityId: created.id,
          projectId: created.projectId,
          after: { name: created.pathNames, skill: created.skill },
        });
        return withPath!;
      });
      await invalidate(app.services, 'categories');
      return reply.status(201).send(present(row));
    },
  );

  app.patch(
    '/api/ticket-categories/:id',
    {
      onRequest: guard('sla.manage'),
      schema: {
        tags: ['tickets'],
        params: idParam,
        body: categoryPatch,
        response: { 200: ticketCategorySchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { version, ...fields } = request.body;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(ticketCategories)
          .where(eq(ticketCategories.id, request.params.id))
          .for('update');
        if (!existing || existing.companyId !== auth.companyId) throw notFound('Category');
        if (existing.projectId !== null) assertInScope(auth, existing.projectId, 'Category');
        assertMayEdit(auth, existing.projectId);
        checkVersion(existing, version, 'Category');
        const changes = definedOnly(fields);
        const renamed = changes.name && changes.name !== existing.name;
        const [updated] = await tx
          .update(ticketCategories)
          .set({
            ...changes,
            ...(renamed
              ? { pathNames: [...existing.pathNames.split('/').slice(0, -1), changes.name].join('/') }
              : {}),
            version: existing.version + 1,
            updatedAt: now,
          })
          .where(eq(ticketCategories.id, existing.id))
          .returning();
        // The children's paths name their ancestors: 户内/水/漏水 becomes 户内/给排水/漏水 with its parent.
        if (renamed && updated)
          await tx
            .update(ticketCategories)
            .set({
              pathNames: sql`${updated.pathNames} || substr(${ticketCategories.pathNames}, ${existing.pathNames.length + 1})`,
              version: sql`${ticketCategories.version} + 1`,
              updatedAt: now,
            })
            .where(
              and(
                sql`${existing.id} = any(${ticketCategories.pathIds})`,
                ne(ticketCategories.id, existing.id),
              ),
            );
        const delta = diff(existing, changes);
        await recordEvent(tx, userActor(auth), now, {
          action: 'category.updated',
          entityType: 'ticket_category',
          entityId: existing.id,
          projectId: existing.projectId,
          before: delta?.before,
          after: delta?.after,
        });
        return updated!;
      });
      await invalidate(app.services, 'categories');
      return present(row);
    },
  );
}
