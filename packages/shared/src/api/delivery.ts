import { z } from 'zod';
import { DELIVERY_CHANNELS, DELIVERY_SOURCES, DELIVERY_STATUSES, STAFF_CHANNELS } from '../delivery';
import { isoTime, nullableTime, page } from './common';

/** One message to one recipient; the address is masked without pii.view. */
export const deliverySchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  sourceType: z.enum(DELIVERY_SOURCES),
  sourceId: z.number().nullable(),
  residentId: z.number().nullable(),
  residentName: z.string().nullable(),
  userId: z.number().nullable(),
  channel: z.enum(DELIVERY_CHANNELS),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  urgent: z.boolean(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  notBefore: nullableTime,
  sentAt: nullableTime,
  createdAt: isoTime,
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryPageSchema = page(deliverySchema);
/** The deliveries of one incident or notice, with counts per status and per channel over all of them. */
export const sourceDeliveryPageSchema = page(deliverySchema).extend({
  counts: z.object({
    byStatus: z.record(z.string(), z.number()),
    byChannel: z.record(z.string(), z.number()),
  }),
});
export type SourceDeliveryPage = z.infer<typeof sourceDeliveryPageSchema>;

/** A staff member's extra alert channels (in-app is always on); the mobile is masked for others. */
export const staffChannelsSchema = z.object({
  userId: z.number(),
  channels: z.array(z.enum(STAFF_CHANNELS)),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  version: z.number().nullable(),
});
export type StaffChannels = z.infer<typeof staffChannelsSchema>;

/** A project's outgoing webhook; the secret itself is shown once, when rotated. */
export const webhookConfigSchema = z.object({
  projectId: z.number(),
  url: z.string().nullable(),
  hasSecret: z.boolean(),
  version: z.number().nullable(),
});
export const webhookSecretSchema = webhookConfigSchema.extend({ secret: z.string() });
