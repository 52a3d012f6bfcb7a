import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const RECHECK_DAYS = defineSetting({
  key: 'rectifications.recheckDays',
  schema: z.number().int().min(1).max(90),
  // The seeds set no period after a failed re-check (W-21: 每项有责任人与期限); three days is the house rule.
  defaultValue: 3,
  description: 'A failed re-check gives the owner this many days more (unless the checker sets a date)',
});
