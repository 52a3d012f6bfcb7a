import { createHash, randomBytes, randomInt } from 'node:crypto';
import { normalizePhone } from '@guanjia/shared';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import { hashToken } from '../../platform/auth/sessions';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, unauthorized } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { queueCodeSms } from './code-sms';
import { firstProjectId, portalCompanyId } from './company';
import { residentsByPhone } from './context';
import { portalCodes, portalSessions } from './schema';
import { PORTAL_CODE_MAX_FAILURES, PORTAL_CODE_MINUTES, PORTAL_CODES_PER_HOUR } from './settings';

export const PORTAL_SESSION_DAYS = 30;

const codeHash = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('hex');

export function mobileOf(raw: string): string {
  const n = normalizePhone(raw);
  if (n?.kind !== 'mobile') throw badRequest('A mainland mobile number is required', { phone: raw });
  return n.e164;
}

/**
 * Send a login code by SMS (through the outbox, so with the `log` provider it shows in the console's
 * delivery log). The company comes from the portal link, or from the archive (see portalCompanyId);
 * a number that resolves to no company gets the same answer and no message.
 */
export async function requestCode(
  ctx: Pick<Services, 'database' | 'clock' | 'queue'>,
  raw: string,
  company?: string | null,
) {
  const phone = mobileOf(raw);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const companyId = await portalCompanyId(tx, phone, company);
    if (companyId === null) return { sent: true };
    const [first] = await residentsByPhone(tx, phone, companyId);
    const projectId = first?.projectId ?? (await firstProjectId(tx, companyId));
    if (projectId === null) return { sent: true };
    const scope = { companyId };
    const [perHour, minutes] = await Promise.all([
      getSetting(tx, PORTAL_CODES_PER_HOUR, scope),
      getSetting(tx, PORTAL_CODE_MINUTES, scope),
    ]);
    const [recent] = await tx
      .select({ n: count() })
      .from(portalCodes)
      .where(
        and(eq(portalCodes.phone, phone), gt(portalCodes.createdAt, new Date(now.getTime() - 3_600_000))),
      );
    if ((recent?.n ?? 0) >= perHour)
      throw new AppError(429, 'too_many_codes', 'Too many codes requested for this number; try again later');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const [row] = await tx
      .insert(portalCodes)
      .values({
        companyId,
        phone,
        codeHash: codeHash(phone, code),
        expiresAt: new Date(now.getTime() + minutes * 60_000),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('code insert returned nothing');
    await queueCodeSms(tx, ctx, {
      companyId,
      projectId,
      codeId: row.id,
      residentId: first?.id ?? null,
      phone,
      body: `【管家】您的登录验证码为${code},${minutes}分钟内有效。如非本人操作请忽略。`,
    });
    return { sent: true };
  });
}

/**
 * Code → portal session of the code's company. Each wrong code counts against the newest live code;
 * too many burn it.
 */
export async function portalLogin(
  ctx: Pick<Services, 'database' | 'clock'>,
  raw: string,
  code: string,
  company?: string | null,
) {
  const phone = mobileOf(raw);
  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const companyId = company ? await portalCompanyId(tx, phone, company) : null;
    const [live] = await tx
      .select()
      .from(portalCodes)
      .where(
        and(
          eq(portalCodes.phone, phone),
          companyId === null ? undefined : eq(portalCodes.companyId, companyId),
          isNull(portalCodes.consumedAt),
          gt(portalCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(portalCodes.id))
      .limit(1)
      .for('update');
    if (!live) return { error: 'no_code' as const };
    const maxFailures = await getSetting(tx, PORTAL_CODE_MAX_FAILURES, { companyId: live.companyId });
    if (live.codeHash !== codeHash(phone, code)) {
      const failures = live.failures + 1;
      await burnOrCount(tx, live.id, failures, failures >= maxFailures ? now : null);
      return { error: failures >= maxFailures ? ('burnt' as const) : ('wrong' as const) };
    }
    await tx.update(portalCodes).set({ consumedAt: now }).where(eq(portalCodes.id, live.id));
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_DAYS * 86_400_000);
    await tx
      .insert(portalSessions)
      .values({ companyId: live.companyId, phone, tokenHash: hashToken(token), expiresAt, createdAt: now });
    return { token, expiresAt };
  });
  // Thrown after the transaction so the failure count is committed, not rolled back with the error.
  if ('error' in result) {
    if (result.error === 'burnt')
      throw new AppError(429, 'code_locked', 'Too many wrong codes; request a new one');
    throw unauthorized('Wrong or expired code');
  }
  return { token: result.token, expiresAt: result.expiresAt.toISOString() };
}

async function burnOrCount(tx: DbOrTx, id: number, failures: number, burntAt: Date | null) {
  await tx.update(portalCodes).set({ failures, consumedAt: burntAt }).where(eq(portalCodes.id, id));
}

export async function portalLogout(db: DbOrTx, sessionId: number) {
  await db.delete(portalSessions).where(eq(portalSessions.id, sessionId));
}
