import { createHash } from 'node:crypto';
import { normalizePhone } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { unauthorized } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { telephonyConfigs } from './schema';

export const hashTelephonyToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ProjectLink {
  projectId: number;
  companyId: number;
  areaCode: string | null;
}

/**
 * The PBX (and the IVR bridge) authenticate with the project's secret token rather than a staff
 * session: header `X-Guanjia-Token` or `?token=`. A wrong token is the same 401 as none.
 */
export async function projectByToken(db: DbOrTx, token: string | undefined): Promise<ProjectLink> {
  if (!token) throw unauthorized('Telephony token required');
  const [row] = await db
    .select({
      projectId: telephonyConfigs.projectId,
      companyId: telephonyConfigs.companyId,
      areaCode: projects.areaCode,
    })
    .from(telephonyConfigs)
    .innerJoin(projects, eq(projects.id, telephonyConfigs.projectId))
    .where(eq(telephonyConfigs.tokenHash, hashTelephonyToken(token)));
  if (!row) throw unauthorized('Invalid telephony token');
  return row;
}

/** +86 form of a number for matching, completing local numbers with the project's area code. */
export function e164Of(raw: string, areaCode: string | null | undefined): string | null {
  return normalizePhone(raw, { areaCode: areaCode ?? undefined })?.e164 ?? null;
}
