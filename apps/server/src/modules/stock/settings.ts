import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const STOCK_DUE_DAY = defineSetting({
  key: 'stock.monthlyDueDay',
  schema: z.number().int().min(1).max(28),
  // W-25 (no Q-id in the catalogue): the 月采购计划 and the stocktake are due by the 25th of the month.
  defaultValue: 25,
  description: 'Day of the month by which the purchase plan and the stocktake are due (W-25)',
});
