import { z } from 'zod';
import { pageQuery, queryBool, versioned } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { NOTICE_STATUSES, NOTICE_TYPES } from './schema';

const ids = z.array(z.number().int().positive()).max(5000);

export const audienceInput = z.object({
  buildingIds: ids.optional(),
  unitIds: ids.optional(),
  /** An explicit list of residents: exactly these. */
  residentIds: ids.optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  vipOnly: z.boolean().optional(),
});

export const noticeInput = z.object({
  projectId: z.number().int().positive(),
  type: z.enum(NOTICE_TYPES),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
  audience: audienceInput.default({}),
  urgent: z.boolean().default(false),
  incidentId: z.number().int().positive().nullish(),
  location: z.string().trim().max(200).nullish(),
  eventStartsAt: z.coerce.date().nullish(),
  eventEndsAt: z.coerce.date().nullish(),
  publishAt: z.coerce.date().nullish(),
  expiresAt: z.coerce.date(),
});
export type NoticeInput = z.infer<typeof noticeInput>;

export const noticePatch = patchOf(noticeInput.omit({ projectId: true })).extend(versioned.shape);
export type NoticePatch = z.infer<typeof noticePatch>;

export const decisionBody = versioned
  .extend({ approve: z.boolean(), reason: z.string().trim().max(500).nullish() })
  .refine((v) => v.approve || !!v.reason, {
    message: 'a reason is required to send a notice back',
    path: ['reason'],
  });

export const noticeListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  type: z.enum(NOTICE_TYPES).optional(),
  /** Q71: expired notices are hidden unless asked for. */
  includeExpired: queryBool.optional(),
});
