import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/**
 * 收费中心 settings, per project. No seed document gives a number for these (Q101 only says the
 * 公共水电分摊 is published quarterly), so the defaults are common practice and say so.
 */

export const METER_JUMP_FACTOR = defineSetting({
  key: 'billing.meterJumpFactor',
  // A reading using more than 3× the previous period's consumption is usually a misread digit.
  schema: z.number().min(1.5).max(100),
  defaultValue: 3,
  description:
    'A meter reading whose consumption exceeds this many times the previous period’s is refused unless confirmed as a meter change',
});

export const LATE_FEE_GRACE_DAYS = defineSetting({
  key: 'billing.lateFeeGraceDays',
  // No seed number: a new fee item charges 滞纳金 only after this many days past its due date.
  schema: z.number().int().min(0).max(366),
  defaultValue: 30,
  description:
    'Days after the due date before 滞纳金 starts, for fee items created without their own grace days',
});
