import type { ResidentRelation } from '@guanjia/shared';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { companies } from '../../platform/auth/schema';
import { hashToken } from '../../platform/auth/sessions';
import type { DbOrTx } from '../../platform/db/client';
import { unauthorized } from '../../platform/http/errors';
import { projects, units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { portalSessions } from './schema';

/** The signed-in resident: a phone, and every archive record (and unit) that phone belongs to. */
export interface PortalContext {
  sessionId: number;
  companyId: number;
  /** The portal link's company: the only company whose data this session reaches. */
  company: { code: string | null; name: string };
  phone: string;
  residents: { id: number; projectId: number; name: string }[];
  units: {
    id: number;
    projectId: number;
    buildingId: number;
    label: string;
    relation: ResidentRelation;
    residentId: number;
  }[];
}

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalContext | null;
  }
}

/** Residents whose archive carries this phone, inside one company (or any company when not given). */
export async function residentsByPhone(db: DbOrTx, phone: string, companyId?: number) {
  return db
    .select({
      id: residents.id,
      projectId: residents.projectId,
      name: residents.name,
      companyId: projects.companyId,
    })
    .from(residentPhones)
    .innerJoin(residents, eq(residents.id, residentPhones.residentId))
    .innerJoin(projects, eq(projects.id, residents.projectId))
    .where(and(eq(residentPhones.e164, phone), companyId ? eq(projects.companyId, companyId) : undefined))
    .orderBy(asc(residents.id));
}

/** Units are bound automatically: those of every archive record with the phone (auto-binding). */
export async function loadPortalContext(
  db: DbOrTx,
  session: { id: number; companyId: number; phone: string },
) {
  const [company] = await db
    .select({ code: companies.code, name: companies.name })
    .from(companies)
    .where(eq(companies.id, session.companyId));
  const people = await residentsByPhone(db, session.phone, session.companyId);
  const ids = people.map((p) => p.id);
  const bound = ids.length
    ? await db
        .select({
          id: units.id,
          projectId: units.projectId,
          buildingId: units.buildingId,
          label: units.label,
          relation: residentUnits.relation,
          residentId: residentUnits.residentId,
        })
        .from(residentUnits)
        .innerJoin(units, eq(units.id, residentUnits.unitId))
        .where(inArray(residentUnits.residentId, ids))
        .orderBy(asc(units.label))
    : [];
  return {
    sessionId: session.id,
    companyId: session.companyId,
    company: company ?? { code: null, name: '' },
    phone: session.phone,
    residents: people.map(({ id, projectId, name }) => ({ id, projectId, name })),
    units: bound,
  } satisfies PortalContext;
}

export async function resolvePortalSession(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<PortalContext | null> {
  const [s] = await db
    .select()
    .from(portalSessions)
    .where(and(eq(portalSessions.tokenHash, hashToken(token)), gt(portalSessions.expiresAt, now)));
  return s ? loadPortalContext(db, s) : null;
}

export function currentPortal(request: FastifyRequest): PortalContext {
  if (!request.portal) throw unauthorized('Portal login required');
  return request.portal;
}
