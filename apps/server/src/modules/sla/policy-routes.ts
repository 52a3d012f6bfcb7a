import { slaPolicyListSchema, slaPolicySchema } from '@guanjia/shared/api';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { invalidate } from '../../platform/cache/caches';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { App } from '../../platform/http/app-types';
import { badRequest, forbidden, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { policyInput, policyPatch, type targetsInput } from './inputs';
import { enqueueReapply } from './reapply';
import { defaultPoliciesFrom } from './rules/default-policies';
import { slaCalendars, slaPolicies } from './schema';
import * as S from './settings';

type PolicyRow = typeof slaPolicies.$inferSelect;
/** The input schema checks "minutes xor businessDays", which is what the SlaTarget union expresses. */
const asTargets = (t: z.infer<typeof targetsInput>) => t as PolicyRow['targets'];
const present = (p: PolicyRow) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** Which setting (and seed) each product default clock comes from, so the editor can link to it. */
const DEFAULT_SOURCES: Record<number, { name: string; settings: string[]; qids: string[] }> = {
  [-5]: { name: '受理时限（门户/APP/邮件）', settings: [S.RESPOND_MINUTES.key], qids: [] },
  [-4]: {
    name: '回访 48 小时 / 满意方可关闭',
    settings: [S.CALLBACK_HOURS.key, S.CALLBACK_REQUIRED.key],
    qids: ['Q37', 'Q39'],
  },
  [-3]: {
    name: '一般报修：30 分钟到场，1 个工作日完成',
    settings: [S.DISPATCH_MINUTES.key, S.REPAIR_ARRIVE_MINUTES.key, S.REPAIR_RESOLVE_DAYS.key],
    qids: ['Q32', 'Q33', 'Q35'],
  },
  [-2]: {
    name: '急修：15 分钟到场，6 小时修复，24×7',
    settings: [S.URGENT_ARRIVE_MINUTES.key, S.URGENT_RESOLVE_MINUTES.key],
    qids: ['Q31', 'Q33'],
  },
  [-1]: { name: '投诉：4 个工作日内回复', settings: [S.COMPLAINT_REPLY_DAYS.key], qids: ['Q50'] },
};

/** Company rows need a company-wide editor; project rows need the project in scope (else 404). */
function assertMayEdit(auth: AuthContext, projectId: number | null): void {
  if (projectId === null) {
    if (!auth.allProjects) throw forbidden('sla.manage (company-wide)');
  } else assertInScope(auth, projectId, 'SLA policy');
}

async function assertCalendar(db: DbOrTx, auth: AuthContext, calendarId: number | null | undefined) {
  if (!calendarId) return;
  const [cal] = await db.select().from(slaCalendars).where(eq(slaCalendars.id, calendarId));
  if (
    !cal ||
    cal.companyId !== auth.companyId ||
    (cal.projectId !== null && !auth.projectIds.includes(cal.projectId))
  ) {
    throw badRequest('Unknown calendar', { calendarId });
  }
}

export async function policyRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  const { db } = database;

  app.get(
    '/api/sla-policies',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags: ['sla'],
        querystring: z.object({ projectId: z.coerce.number().int().positive().optional() }),
        response: { 200: slaPolicyListSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId) assertInScope(auth, projectId, 'Project');
      const projects = projectId ? [projectId] : scopeIds(auth);
      const rows = await db
        .select()
        .from(slaPolicies)
        .where(
          and(
            eq(slaPolicies.companyId, auth.companyId),
            or(isNull(slaPolicies.projectId), ...projects.map((p) => eq(slaPolicies.projectId, p))),
          ),
        )
        .orderBy(asc(slaPolicies.id));
      // The effective product defaults for the project (values from its Q-id settings); read-only here.
      const settings = await S.loadSlaSettings(db, auth.companyId, projectId ?? projects[0] ?? -1);
      const defaults = defaultPoliciesFrom(settings).map((p) => ({
        ...p,
        ...DEFAULT_SOURCES[p.id],
        builtin: true,
      }));
      return { items: rows.map(present), defaults };
    },
  );

  app.post(
    '/api/sla-policies',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['sla'], body: policyInput, response: { 201: slaPolicySchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const input = request.body;
      assertMayEdit(auth, input.projectId ?? null);
      await assertCalendar(db, auth, input.calendarId);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(slaPolicies)
          .values({
            ...input,
            targets: asTargets(input.targets),
            companyId: auth.companyId,
            projectId: input.projectId ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        await recordEvent(tx, userActor(auth), now, {
          action: 'sla_policy.created',
          entityType: 'sla_policy',
          entityId: created.id,
          projectId: created.projectId,
          after: input,
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
    '/api/sla-policies/:id',
    {
      onRequest: guard('sla.manage'),
      schema: { tags: ['sla'], params: idParam, body: policyPatch, response: { 200: slaPolicySchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { version, ...fields } = request.body;
      await assertCalendar(db, auth, fields.calendarId);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(slaPolicies)
          .where(eq(slaPolicies.id, request.params.id))
          .for('update');
        if (!existing || existing.companyId !== auth.companyId) throw notFound('SLA policy');
        if (existing.projectId !== null) assertInScope(auth, existing.projectId, 'SLA policy');
        assertMayEdit(auth, existing.projectId);
        checkVersion(existing, version, 'SLA policy');
        const { targets, ...rest } = fields;
        const changes = { ...definedOnly(rest), ...(targets ? { targets: asTargets(targets) } : {}) };
        const [updated] = await tx
          .update(slaPolicies)
          .set({ ...changes, version: existing.version + 1, updatedAt: now })
          .where(eq(slaPolicies.id, existing.id))
          .returning();
        const delta = diff(existing, changes);
        await recordEvent(tx, userActor(auth), now, {
          action: 'sla_policy.updated',
          entityType: 'sla_policy',
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
}
