import { createHash, randomBytes, randomInt } from 'node:crypto';
import { normalizePhone } from '@guanjia/shared';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import { hashToken } from '../../platform/auth/sessions';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, unauthorized } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { queueDeliveries } from '../delivery/queue-deliveries';
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
 * delivery log). Numbers not in any archive get the same answer and no message: the portal does not
 * tell strangers who lives here.
 */
export async function requestCode(ctx: Pick<Services, 'database' | 'clock' | 'queue'>, raw: string) {
  const phone = mobileOf(raw);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const people = await residentsByPhone(tx, phone);
    const first = people[0];
    if (!first) return { sent: true };
    const scope = { companyId: first.companyId };
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
        companyId: first.companyId,
        phone,
        codeHash: codeHash(phone, code),
        expiresAt: new Date(now.getTime() + minutes * 60_000),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('code insert returned nothing');
    await queueDeliveries(
      tx,
      ctx,
      {
        companyId: first.companyId,
        projectId: first.projectId,
        sourceType: 'portal_code',
        sourceId: row.id,
        // The resident is waiting for it: a login code is never held for quiet hours.
        urgent: true,
        subject: '登录验证码',
        channel: 'sms',
      },
      [
        {
          residentId: first.id,
          name: first.name,
          preferredChannel: 'sms',
          mobile: phone,
          email: null,
          unitId: null,
          unitLabel: null,
        },
      ],
      () => `【管家】您的登录验证码为${code},${minutes}分钟内有效。如非本人操作请忽略。`,
    );
    return { sent: true };
  });
}

/** Code → portal session. Each wrong code counts against the newest live code; too many burn it. */
export async function portalLogin(ctx: Pick<Services, 'database' | 'clock'>, raw: string, code: string) {
  const phone = mobileOf(raw);
  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const [live] = await tx
      .select()
      .from(portalCodes)
      .where(
        and(eq(portalCodes.phone, phone), isNull(portalCodes.consumedAt), gt(portalCodes.expiresAt, now)),
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
