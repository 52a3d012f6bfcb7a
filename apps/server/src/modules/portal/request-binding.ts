import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { projects, units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { mobileOf } from './auth';
import type { PortalContext } from './context';
import type { BindingBody, MemberBody, RemovalBody } from './inputs';
import {
  type BindingFacts,
  bindingRefusal,
  isStateConflict,
  localDate,
  REFUSAL_MESSAGES,
} from './rules/bindings';
import { portalBindingRequests } from './schema';
import { portalActor } from './tickets';

type Ctx = Pick<Services, 'database' | 'clock'>;
type NewRequest = Omit<
  typeof portalBindingRequests.$inferInsert,
  'companyId' | 'projectId' | 'requesterPhone'
>;

/** A unit of the session's company, with where its project is; any other company's unit is 404. */
async function unitOfCompany(tx: DbOrTx, companyId: number, unitId: number) {
  const [u] = await tx
    .select({ id: units.id, projectId: units.projectId, timezone: projects.timezone })
    .from(units)
    .innerJoin(projects, eq(projects.id, units.projectId))
    .where(and(eq(units.id, unitId), eq(projects.companyId, companyId)));
  if (!u) throw notFound('Unit');
  return u;
}

async function phoneLinkedToUnit(tx: DbOrTx, unitId: number, phone: string): Promise<boolean> {
  const rows = await tx
    .select({ id: residentUnits.residentId })
    .from(residentUnits)
    .innerJoin(residentPhones, eq(residentPhones.residentId, residentUnits.residentId))
    .where(and(eq(residentUnits.unitId, unitId), eq(residentPhones.e164, phone)))
    .limit(1);
  return rows.length > 0;
}

function refuse(facts: BindingFacts) {
  const refusal = bindingRefusal(facts);
  if (refusal) throw new AppError(isStateConflict(refusal) ? 409 : 400, refusal, REFUSAL_MESSAGES[refusal]);
}

async function queueRequest(
  ctx: Ctx,
  p: PortalContext,
  unitId: number,
  facts: (unit: Awaited<ReturnType<typeof unitOfCompany>>, tx: DbOrTx) => Promise<BindingFacts>,
  values: (tx: DbOrTx) => Promise<NewRequest>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const unit = await unitOfCompany(tx, p.companyId, unitId);
    refuse(await facts(unit, tx));
    const [row] = await tx
      .insert(portalBindingRequests)
      .values({
        ...(await values(tx)),
        companyId: p.companyId,
        projectId: unit.projectId,
        requesterPhone: p.phone,
        createdAt: now,
        updatedAt: now,
      })
      // The partial unique index holds one pending request per person, unit and kind.
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError(
        409,
        'already_requested',
        'The same request is already waiting for the service desk',
      );
    await recordEvent(tx, portalActor(p), now, {
      action: 'portal_binding.requested',
      entityType: 'portal_binding',
      entityId: row.id,
      projectId: row.projectId,
      after: { kind: row.kind, unitId: row.unitId, relation: row.relation, name: row.name },
    });
    return row;
  });
}

/** "This is my home": the signed-in phone asks to be bound to a unit. */
export function requestBinding(ctx: Ctx, p: PortalContext, body: BindingBody) {
  return queueRequest(
    ctx,
    p,
    body.unitId,
    async (unit) => ({
      kind: 'bind',
      relation: body.relation,
      leaseEndsOn: body.leaseEndsOn ?? null,
      today: localDate(ctx.clock.now(), unit.timezone),
      requesterIsOwner: false,
      linked: p.units.some((u) => u.id === unit.id),
      targetIsRequester: false,
    }),
    async () => ({
      kind: 'bind',
      unitId: body.unitId,
      name: body.name,
      phone: p.phone,
      relation: body.relation,
      leaseEndsOn: body.leaseEndsOn ?? null,
      note: body.note ?? null,
      attachments: body.attachments,
    }),
  );
}

const ownsUnit = (p: PortalContext, unitId: number) =>
  p.units.some((u) => u.id === unitId && u.relation === '业主');

/** An owner adds a family member or tenant; once approved that phone signs in and sees the unit. */
export function requestMember(ctx: Ctx, p: PortalContext, body: MemberBody) {
  const phone = mobileOf(body.phone);
  return queueRequest(
    ctx,
    p,
    body.unitId,
    async (unit, tx) => ({
      kind: 'member',
      relation: body.relation,
      leaseEndsOn: body.leaseEndsOn ?? null,
      today: localDate(ctx.clock.now(), unit.timezone),
      requesterIsOwner: ownsUnit(p, unit.id),
      linked: await phoneLinkedToUnit(tx, unit.id, phone),
      targetIsRequester: false,
    }),
    async () => ({
      kind: 'member',
      unitId: body.unitId,
      name: body.name,
      phone,
      relation: body.relation,
      leaseEndsOn: body.leaseEndsOn ?? null,
      note: body.note ?? null,
    }),
  );
}

/** An owner asks to take someone off his unit (a tenant moved out). */
export async function requestRemoval(ctx: Ctx, p: PortalContext, body: RemovalBody) {
  const target = async (tx: DbOrTx) => {
    const [row] = await tx
      .select({
        name: residents.name,
        relation: residentUnits.relation,
        leaseEndsOn: residentUnits.leaseEndsOn,
      })
      .from(residentUnits)
      .innerJoin(residents, eq(residents.id, residentUnits.residentId))
      .where(and(eq(residentUnits.unitId, body.unitId), eq(residentUnits.residentId, body.residentId)));
    const [phone] = await tx
      .select({ e164: residentPhones.e164 })
      .from(residentPhones)
      .where(eq(residentPhones.residentId, body.residentId))
      .orderBy(residentPhones.position)
      .limit(1);
    return { row, phone: phone?.e164 ?? '' };
  };
  return queueRequest(
    ctx,
    p,
    body.unitId,
    async (unit, tx) => ({
      kind: 'removal',
      relation: (await target(tx)).row?.relation ?? '家属',
      leaseEndsOn: null,
      today: localDate(ctx.clock.now(), unit.timezone),
      requesterIsOwner: ownsUnit(p, unit.id),
      linked: !!(await target(tx)).row,
      targetIsRequester: p.residents.some((r) => r.id === body.residentId),
    }),
    async (tx) => {
      const { row, phone } = await target(tx);
      if (!row) throw notFound('Household member');
      return {
        kind: 'removal',
        unitId: body.unitId,
        name: row.name,
        phone,
        relation: row.relation,
        targetResidentId: body.residentId,
        note: body.note ?? null,
      };
    },
  );
}
