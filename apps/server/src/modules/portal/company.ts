import { asc, eq } from 'drizzle-orm';
import { companies } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { residentsByPhone } from './context';

/**
 * The one company a portal sign-in belongs to. The portal link of an estate carries its company's
 * code, and then any mobile may sign in there (to ask for a binding). Without a code the phone's
 * archive decides: one company is unambiguous; none gets no code (strangers learn nothing); several
 * must use their estate's link — the portal never picks one for them, nor mixes them.
 */
export async function portalCompanyId(
  db: DbOrTx,
  phone: string,
  code?: string | null,
): Promise<number | null> {
  if (code) {
    const [c] = await db.select({ id: companies.id }).from(companies).where(eq(companies.code, code));
    if (!c) throw notFound('Company');
    return c.id;
  }
  const ids = [...new Set((await residentsByPhone(db, phone)).map((p) => p.companyId))];
  if (ids.length > 1)
    throw new AppError(
      409,
      'company_required',
      'This number is registered with several property companies; open the portal link of your estate',
    );
  return ids[0] ?? null;
}

/** Where a login code's SMS is accounted when the phone has no archive record yet. */
export async function firstProjectId(db: DbOrTx, companyId: number): Promise<number | null> {
  const [p] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.companyId, companyId))
    .orderBy(asc(projects.id))
    .limit(1);
  return p?.id ?? null;
}
