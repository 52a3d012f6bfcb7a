import type { DeskRegister, GateAnswer } from '@guanjia/shared/api';
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, inScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { units } from '../org/schema';
import { codeFromScan, gateVerdict, prefixOf, REGISTER_TYPES, registerOfCode } from './rules/registers';
import { type DeskEntryRow, deskEntries } from './schema';

export type GateCtx = Pick<Services, 'database' | 'clock'>;

/**
 * A gate check for one code prefix. Any module whose passes are shown at the gate plugs in here
 * (装修工人出入证, for one): `verify` gets the normalised code and answers for it — valid, or refused
 * with the reason — recording the use itself (a conditional update, so two scans of a last use let
 * one through). It answers `null` when it has no record of that code, which the gate reports as
 * `unknown`. It must only reach records of the caller's projects (`auth.projectIds`).
 */
export type GateVerify = (ctx: GateCtx, auth: AuthContext, code: string) => Promise<GateAnswer | null>;

const checks = new Map<string, GateVerify>();

/** Plug a register into the gate by its code prefix (`V`, `R`, `W`…); one check per prefix. */
export function registerGateCheck(prefix: string, verify: GateVerify): void {
  const key = prefix.toUpperCase();
  if (checks.has(key)) throw new Error(`gate check for prefix ${key} registered twice`);
  checks.set(key, verify);
}

export const gatePrefixes = () => [...checks.keys()].sort();

const refused = (code: string, reason: GateAnswer['reason'], kind: string | null = null): GateAnswer => ({
  valid: false,
  reason,
  kind,
  code,
  title: '',
  lines: [],
  usesLeft: null,
});

/** The gate's one question: what is this code? Dispatches by prefix to the register that issued it. */
export async function verifyAtGate(ctx: GateCtx, auth: AuthContext, scanned: string): Promise<GateAnswer> {
  const code = codeFromScan(scanned);
  const check = checks.get(prefixOf(code));
  if (!code || !check) return refused(code, 'unknown');
  return (await check(ctx, auth, code)) ?? refused(code, 'unknown');
}

/**
 * The desk registers' own gate check (visitor passes, item-release slips): one conditional update
 * spends a use only while the record is valid, in its window and has uses left — the row lock the
 * update takes makes a concurrent second scan of a last use re-read the spent row and match nothing.
 */
export async function verifyDeskCode(
  ctx: GateCtx,
  auth: AuthContext,
  code: string,
): Promise<GateAnswer | null> {
  const register = registerOfCode(code);
  if (!register) return null;
  const rule = REGISTER_TYPES[register].gate;
  if (!rule) return null;
  const now = ctx.clock.now();
  const { db } = ctx.database;
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(deskEntries)
      .set({
        usesCount: sql`${deskEntries.usesCount} + 1`,
        status: sql`case when ${deskEntries.usesAllowed} is not null and ${deskEntries.usesCount} + 1 >= ${deskEntries.usesAllowed} then ${rule.spent} else ${deskEntries.status} end`,
        closedAt: sql`case when ${deskEntries.usesAllowed} is not null and ${deskEntries.usesCount} + 1 >= ${deskEntries.usesAllowed} then ${now.toISOString()}::timestamptz else null end`,
        updatedAt: now,
        version: sql`${deskEntries.version} + 1`,
      })
      .where(
        and(
          eq(deskEntries.code, code),
          eq(deskEntries.register, register),
          eq(deskEntries.companyId, auth.companyId),
          sql`${deskEntries.projectId} = any(${sql.param([...auth.projectIds])}::bigint[])`,
          eq(deskEntries.status, rule.valid),
          or(isNull(deskEntries.validFrom), lte(deskEntries.validFrom, now)),
          or(isNull(deskEntries.validUntil), gt(deskEntries.validUntil, now)),
          or(isNull(deskEntries.usesAllowed), sql`${deskEntries.usesCount} < ${deskEntries.usesAllowed}`),
        ),
      )
      .returning();
    if (used) {
      await recordEvent(tx, userActor(auth), now, {
        action: 'desk.gate_passed',
        entityType: 'desk_entry',
        entityId: used.id,
        projectId: used.projectId,
        after: { code, usesCount: used.usesCount, status: used.status },
      });
      return answer(tx, register, used, { valid: true, reason: null });
    }
    const [row] = await tx.select().from(deskEntries).where(eq(deskEntries.code, code));
    if (!row || row.companyId !== auth.companyId || !inScope(auth, row.projectId)) return null;
    const verdict = gateVerdict(register, row, now);
    // A window that closed in between reads as expired; anything else the table names.
    const reason = verdict.valid ? 'used_up' : verdict.reason;
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.gate_refused',
      entityType: 'desk_entry',
      entityId: row.id,
      projectId: row.projectId,
      after: { code, reason },
    });
    return answer(tx, register, row, { valid: false, reason });
  });
}

async function answer(
  db: DbOrTx,
  register: DeskRegister,
  e: DeskEntryRow,
  verdict: Pick<GateAnswer, 'valid' | 'reason'>,
): Promise<GateAnswer> {
  const [unit] = e.unitId
    ? await db.select({ label: units.label }).from(units).where(eq(units.id, e.unitId))
    : [];
  const d = e.details as Record<string, unknown>;
  const lines: string[] = [];
  if (unit) lines.push(`房屋：${unit.label}`);
  if (register === 'visitor') {
    if (d.plate) lines.push(`车牌：${String(d.plate)}（免费停车 ${String(d.parkingMinutes ?? 0)} 分钟）`);
    if (d.purpose) lines.push(`事由：${String(d.purpose)}`);
    if (d.headcount && Number(d.headcount) > 1) lines.push(`人数：${String(d.headcount)}`);
  }
  if (register === 'release') {
    const items = (d.items as { name: string; qty: number }[] | undefined) ?? [];
    lines.push(`物品：${items.map((i) => `${i.name}×${i.qty}`).join('、')}`);
    if (d.plate) lines.push(`车牌：${String(d.plate)}`);
  }
  return {
    ...verdict,
    kind: register,
    code: e.code,
    title: `${REGISTER_TYPES[register].slip ?? ''} · ${e.name}`,
    lines,
    usesLeft: e.usesAllowed === null ? null : Math.max(0, e.usesAllowed - e.usesCount),
  };
}

registerGateCheck('V', verifyDeskCode);
registerGateCheck('R', verifyDeskCode);
