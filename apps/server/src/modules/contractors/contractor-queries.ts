import { zonedDay } from '@guanjia/shared';
import type { Contractor } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { scopeIds } from '../org/queries';
import { projectZone } from '../patrol/route-queries';
import { type ContractorRow, contractorContracts, contractorEvaluations, contractors } from './schema';
import { CONTRACT_EXPIRY_DAYS } from './settings';

const DAY = 86_400_000;
const dayNumber = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;

export async function contractorInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(contractors).where(eq(contractors.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Contractor');
  assertInScope(auth, row.projectId, 'Contractor');
  return row;
}

export async function presentContractors(
  db: DbOrTx,
  rows: ContractorRow[],
  now: Date,
): Promise<Contractor[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const first = rows[0]!;
  const [contracts, evaluations, reminder, tz] = await Promise.all([
    db
      .select()
      .from(contractorContracts)
      .where(inArray(contractorContracts.contractorId, ids))
      .orderBy(desc(contractorContracts.endsOn)),
    db
      .select()
      .from(contractorEvaluations)
      .where(inArray(contractorEvaluations.contractorId, ids))
      .orderBy(desc(contractorEvaluations.month)),
    getSetting(db, CONTRACT_EXPIRY_DAYS, { companyId: first.companyId, projectId: first.projectId }),
    projectZone(db, first.projectId),
  ]);
  const today = dayNumber(zonedDay(now, tz));
  return rows.map((r) => {
    const last = evaluations.find((e) => e.contractorId === r.id);
    return {
      id: r.id,
      projectId: r.projectId,
      name: r.name,
      trade: r.trade,
      systems: r.systems,
      contacts: r.contacts,
      credentials: r.credentials,
      active: r.active,
      contracts: contracts
        .filter((c) => c.contractorId === r.id)
        .map((c) => {
          const daysLeft = dayNumber(c.endsOn) - today;
          return {
            id: c.id,
            contractorId: c.contractorId,
            title: c.title,
            scope: c.scope,
            startsOn: c.startsOn,
            endsOn: c.endsOn,
            amountFen: c.amountFen,
            systems: c.systems,
            daysLeft,
            expiring: daysLeft >= 0 && daysLeft <= reminder,
          };
        }),
      lastScore: last?.total ?? null,
      lastGrade: last?.grade ?? null,
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

export async function listContractors(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; q?: string; page: number; pageSize: number },
  now: Date,
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const parts: (SQL | undefined)[] = [inArray(contractors.projectId, scope.length ? scope : [-1])];
  if (q.q) parts.push(or(ilike(contractors.name, `%${q.q}%`), ilike(contractors.trade, `%${q.q}%`)));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(contractors)
      .where(where)
      .orderBy(desc(contractors.active), asc(contractors.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(contractors).where(where),
  ]);
  return {
    items: await presentContractors(db, rows, now),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
