import { z } from 'zod';
import { NOTICE_STATUSES, NOTICE_TYPES } from '../notices';
import { isoTime, nullableTime, page } from './common';

/** Who a notice reaches within its project: buildings, units, named residents, tags, VIPs only. */
export const noticeAudienceSchema = z.object({
  buildingIds: z.array(z.number()).optional(),
  unitIds: z.array(z.number()).optional(),
  residentIds: z.array(z.number()).optional(),
  tags: z.array(z.string()).optional(),
  vipOnly: z.boolean().optional(),
});

export const noticeSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  type: z.enum(NOTICE_TYPES),
  title: z.string(),
  body: z.string(),
  audience: noticeAudienceSchema,
  urgent: z.boolean(),
  incidentId: z.number().nullable(),
  location: z.string().nullable(),
  eventStartsAt: nullableTime,
  eventEndsAt: nullableTime,
  publishAt: nullableTime,
  expiresAt: isoTime,
  expired: z.boolean(),
  status: z.enum(NOTICE_STATUSES),
  reviewedById: z.number().nullable(),
  reviewedAt: nullableTime,
  approvedById: z.number().nullable(),
  approvedAt: nullableTime,
  rejectReason: z.string().nullable(),
  publishedAt: nullableTime,
  recipientCount: z.number(),
  /** Residents who opened it in the portal (read receipts). */
  readCount: z.number(),
  createdById: z.number().nullable(),
  createdAt: isoTime,
  version: z.number(),
});
export type Notice = z.infer<typeof noticeSchema>;
export const noticePageSchema = page(noticeSchema);
