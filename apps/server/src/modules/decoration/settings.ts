import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const WATER_TEST_HOURS = defineSetting({
  key: 'decoration.waterTestHours',
  schema: z.number().int().min(1).max(168),
  // W-14 final acceptance: the 48-hour closed-water (闭水) test of wet areas.
  defaultValue: 48,
  description: 'A final-acceptance closed-water test must run at least this many hours',
});

export const DEPOSIT_DEFAULT_FEN = defineSetting({
  key: 'decoration.depositFen',
  schema: z.number().int().min(0).max(100_000_000),
  // No seed number: a common 装修押金 of ¥2,000 (the billing tests use the same amount).
  defaultValue: 200_000,
  description: 'The decoration deposit suggested at the desk, in 分',
});

export const INSPECTION_FIX_DAYS = defineSetting({
  key: 'decoration.rectifyDays',
  schema: z.number().int().min(1).max(60),
  // W-14 step 5: problems are stopped at once and a 整改通知单 issued; three days to fix is the default.
  defaultValue: 3,
  description: 'Days a 整改通知单 from a decoration site inspection gives to fix',
});
