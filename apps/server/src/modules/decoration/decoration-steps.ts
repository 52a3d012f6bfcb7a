import type { DecorationAction } from '@guanjia/shared/api';
import { and, count, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { Tx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { chargeOnce } from '../billing/charge-once';
import { loadUnit } from '../billing/load-unit';
import { takePayment } from '../billing/record-payment';
import { refundInTx } from '../billing/refund-payment';
import { bills } from '../billing/schema';
import { rectifications } from '../rectifications/schema';
import { decorationInScope } from './decoration-queries';
import { type DecorationFacts, decideDecoration, waterTestPassed } from './rules/decoration-states';
import { type DecorationRow, decorations } from './schema';
import { WATER_TEST_HOURS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

const REFUSED: Record<string, string> = {
  wrong_state: 'The decoration case cannot do that in its current state',
  agreement_missing: 'Sign the decoration agreement first',
  deposit_missing: 'Record the deposit first',
  seepage_missing: 'Record a passed floor-drain seepage test first',
  water_test_missing: 'Record a passed closed-water test of the full length first',
  rectifications_open: 'Rectification notices of this site are still open',
  already_refunded: 'The deposit was already refunded',
};

/** Runs one recorded step on a locked, version-checked case and writes its event. */
async function step(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  action: string,
  change: (d: DecorationRow, now: Date, tx: Tx) => Promise<Partial<DecorationRow>> | Partial<DecorationRow>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = checkVersion(await decorationInScope(tx, auth, id, true), version, 'Decoration');
    const set = await change(d, now, tx);
    const [row] = await tx
      .update(decorations)
      .set({ ...set, version: d.version + 1, updatedAt: now })
      .where(eq(decorations.id, d.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: `decoration.${action}`,
      entityType: 'decoration',
      entityId: d.id,
      projectId: d.projectId,
      before: { state: d.state },
      after: Object.fromEntries(
        Object.entries(set).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      ),
    });
    return row!;
  });
}

const before = (d: DecorationRow, states: DecorationRow['state'][], what: string) => {
  if (!states.includes(d.state))
    throw conflict(`${what} cannot be recorded in this state`, { state: d.state });
};

/** 《装修服务协议》 signed (W-14 step 1). */
export const signAgreement = (
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  b: { signedBy: string; version: number },
) =>
  step(ctx, auth, id, b.version, 'agreement_signed', (d, now) => {
    before(d, ['applied', 'approved'], 'The agreement cannot be recorded in this state');
    return { agreementSignedAt: now, agreementSignedBy: b.signedBy };
  });

/** 装修押金 received. */
export const recordDeposit = (
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  b: { amountFen: number; method: string; version: number },
) =>
  step(ctx, auth, id, b.version, 'deposit_paid', async (d, now, tx) => {
    before(d, ['applied', 'approved'], 'The deposit cannot be recorded in this state');
    if (d.depositPaidAt) throw conflict('The deposit was already recorded');
    if (b.amountFen === 0) return { depositFen: 0, depositMethod: b.method, depositPaidAt: now };
    // The desk takes the money in this step: a 装修押金 bill, paid at once through the desk payment
    // command, so the money shows in the cashier report and 日结 like any other payment.
    const actor = userActor(auth);
    const bill = await chargeOnce(tx, actor, {
      unitId: d.unitId,
      fee: 'decoration_deposit',
      amount: b.amountFen,
      description: `装修押金 ${d.number}`,
      sourceType: 'decoration',
      sourceId: d.id,
      now,
    });
    const payment = await takePayment(tx, await loadUnit(tx, d.unitId), actor, {
      amount: b.amountFen,
      method: deskMethod(b.method),
      billIds: [bill.id],
      prepay: false,
      note: `装修押金 ${d.number}`,
      cashierId: auth.userId,
      at: now,
    });
    return {
      depositFen: b.amountFen,
      depositMethod: b.method,
      depositPaidAt: now,
      depositBillId: bill.id,
      depositPaymentId: payment.id,
    };
  });

/**
 * The decoration form's ways to pay mapped onto the desk's: WeChat/Alipay at the desk are scanned on
 * its POS terminal; a transfer is a bank transfer.
 */
const deskMethod = (m: string): 'cash' | 'bank_transfer' | 'pos' =>
  m === 'cash' ? 'cash' : m === 'transfer' ? 'bank_transfer' : 'pos';

/** 退押金 through billing's refund, so the deposit bill stays settled and 日结 balances. */
async function refundDeposit(tx: Tx, auth: AuthContext, d: DecorationRow, now: Date) {
  if (!d.depositBillId) return {};
  const [bill] = await tx.select({ paid: bills.paidAmount }).from(bills).where(eq(bills.id, d.depositBillId));
  if (!bill || bill.paid <= 0) return {};
  const refund = await refundInTx(tx, await loadUnit(tx, d.unitId), auth, now, {
    unitId: d.unitId,
    kind: 'deposit',
    billId: d.depositBillId,
    amount: bill.paid,
    method: deskMethod(d.depositMethod ?? 'transfer'),
    reason: `装修验收合格退押金 ${d.number}`,
  });
  return { depositRefundId: refund.id };
}

/** 地漏渗水试验 with the owner, before work starts (W-14 step 2). */
export const recordSeepageTest = (
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  b: { passed: boolean; ownerSigned: boolean; note: string; version: number },
) =>
  step(ctx, auth, id, b.version, 'seepage_tested', (d, now) => {
    before(d, ['applied', 'approved'], 'The seepage test cannot be recorded in this state');
    if (b.passed && !b.ownerSigned) throw badRequest('The owner must sign a passed seepage test');
    return {
      seepageTestAt: now,
      seepagePassed: b.passed,
      seepageOwnerSigned: b.ownerSigned,
      seepageNote: b.note,
    };
  });

/** The closed-water (闭水) test of final acceptance starts: the clock of its 48 hours. */
export const startWaterTest = (ctx: Ctx, auth: AuthContext, id: number, b: { version: number }) =>
  step(ctx, auth, id, b.version, 'water_test_started', (d, now) => {
    before(d, ['acceptance'], 'The closed-water test cannot be recorded in this state');
    return { waterTestStartedAt: now, waterTestEndedAt: null, waterTestResult: null, waterTestNote: '' };
  });

export const endWaterTest = (
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  b: { result: 'pass' | 'fail'; note: string; version: number },
) =>
  step(ctx, auth, id, b.version, 'water_test_ended', async (d, now, tx) => {
    before(d, ['acceptance'], 'The closed-water test cannot be recorded in this state');
    if (!d.waterTestStartedAt || d.waterTestEndedAt) throw conflict('No closed-water test is running');
    const hours = await getSetting(tx, WATER_TEST_HOURS, d);
    // A pass before the full length is not a pass: the leak it misses shows after day one.
    if (b.result === 'pass' && now.getTime() - d.waterTestStartedAt.getTime() < hours * 3_600_000)
      throw conflict('The closed-water test has not run its full length yet', { hours });
    return { waterTestEndedAt: now, waterTestResult: b.result, waterTestNote: b.note };
  });

async function factsOf(tx: Tx, d: DecorationRow): Promise<DecorationFacts> {
  const [open] = await tx
    .select({ n: count() })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.sourceType, 'decoration'),
        eq(rectifications.sourceId, d.id),
        inArray(rectifications.state, ['open', 'submitted']),
      ),
    );
  const hours = await getSetting(tx, WATER_TEST_HOURS, d);
  return {
    agreementSigned: !!d.agreementSignedAt,
    depositPaid: !!d.depositPaidAt,
    seepagePassed: d.seepagePassed === true,
    waterTestPassed: waterTestPassed(
      { startedAt: d.waterTestStartedAt, endedAt: d.waterTestEndedAt, result: d.waterTestResult },
      hours,
    ),
    openRectifications: open?.n ?? 0,
    depositRefunded: !!d.depositRefundedAt,
  };
}

/** A move of the state machine (rules/decoration-states.ts); the refund also records the deposit back. */
export const actOnDecoration = (
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  b: { action: DecorationAction; note: string; version: number },
) =>
  step(ctx, auth, id, b.version, b.action, async (d, now, tx) => {
    const decision = decideDecoration(d.state, b.action, await factsOf(tx, d));
    if (!decision.ok) throw conflict(REFUSED[decision.reason]!, { reason: decision.reason });
    return {
      state: decision.to,
      ...(b.action === 'refund'
        ? { depositRefundedAt: now, ...(await refundDeposit(tx, auth, d, now)) }
        : {}),
      ...(b.action === 'fail_acceptance'
        ? { waterTestStartedAt: null, waterTestEndedAt: null, waterTestResult: null }
        : {}),
    };
  });
