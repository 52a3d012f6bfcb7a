import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const APPROVAL_THRESHOLD = defineSetting({
  key: 'broadcasts.approvalThreshold',
  schema: z.number().int().min(1).max(1_000_000),
  // Issue 13: a send to more residents than this needs a second person's approval. Emergency outages
  // are exempt — Q60 allows them no delay.
  defaultValue: 500,
  description:
    'Mass messages to more residents than this need a second person’s approval (not emergencies, Q60)',
});
