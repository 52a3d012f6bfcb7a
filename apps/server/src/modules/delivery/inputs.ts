import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { phoneInput } from '../residents/inputs';
import { DELIVERY_STATUSES, STAFF_CHANNELS } from './schema';

export const deliveryListQuery = pageQuery.extend({ status: z.enum(DELIVERY_STATUSES).optional() });

/** A staff member's alert channels; version is required once they have saved them. */
export const staffChannelsInput = z.object({
  channels: z.array(z.enum(STAFF_CHANNELS)).max(STAFF_CHANNELS.length),
  email: z.email().max(120).nullish(),
  mobile: phoneInput.nullish(),
  version: z.number().int().positive().optional(),
});

export const webhookConfigInput = z.object({
  projectId: z.number().int().positive(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  version: z.number().int().positive().optional(),
});
export const projectQuery = z.object({ projectId: z.coerce.number().int().positive() });
