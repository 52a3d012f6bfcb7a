import { z } from 'zod';
import { DELIVERY_CHANNELS } from '../delivery';
import { isoTime, nullableTime, page } from './common';

const perChannel = <T extends z.ZodType>(v: T) => z.partialRecord(z.enum(DELIVERY_CHANNELS), v);

/** POST /api/incidents/preview, POST /api/notices/:id/preview: what a send would do; nothing is sent. */
export const sendPreviewSchema = z.object({
  recipients: z.number(),
  channels: perChannel(z.number()),
  /** The exact text the first recipient on each channel gets. */
  texts: perChannel(z.string()),
  subject: z.string(),
  urgent: z.boolean(),
  /** Above this many recipients a second person approves (not emergency outages, Q60). */
  threshold: z.number(),
  approvalRequired: z.boolean(),
  /** A planned outage: when it is announced and reminded. */
  schedule: z
    .object({
      announceAt: isoTime,
      reminders: z.array(z.object({ leadHours: z.number(), at: isoTime })),
    })
    .nullable(),
});
export type SendPreview = z.infer<typeof sendPreviewSchema>;

export const TEMPLATE_KINDS = ['短信', '公告'] as const;
/** The variables a saved template may use. */
export const MESSAGE_TEMPLATE_VARIABLES = [
  '小区',
  '楼栋',
  '开始时间',
  '结束时间',
  '原因',
  '服务电话',
] as const;

export const messageTemplateSchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  code: z.string(),
  kind: z.enum(TEMPLATE_KINDS),
  name: z.string(),
  body: z.string(),
  overrides: z.boolean(),
  updatedAt: isoTime,
  version: z.number(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
export const messageTemplateListSchema = z.object({ items: z.array(messageTemplateSchema) });

export const APPROVAL_STATUSES = ['待批准', '已批准', '已拒绝'] as const;
export const broadcastApprovalSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  kind: z.enum(['incident', 'notice']),
  title: z.string(),
  noticeId: z.number().nullable(),
  recipients: z.number(),
  threshold: z.number(),
  status: z.enum(APPROVAL_STATUSES),
  requestedById: z.number(),
  requestedAt: isoTime,
  decidedById: z.number().nullable(),
  decidedAt: nullableTime,
  reason: z.string().nullable(),
  resultId: z.number().nullable(),
  version: z.number(),
});
export type BroadcastApproval = z.infer<typeof broadcastApprovalSchema>;
export const broadcastApprovalPageSchema = page(broadcastApprovalSchema);
