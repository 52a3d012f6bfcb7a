import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { NOTICE_TYPES } from '../notices/schema';
import { attachmentInput } from '../tickets/inputs';

export const codeBody = z.object({ phone: z.string().trim().min(5).max(40) });
export const loginBody = codeBody.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const PORTAL_TICKET_TYPES = ['报修', '投诉', '建议', '表扬'] as const;

export const portalTicketInput = z.object({
  unitId: z.number().int().positive(),
  type: z.enum(PORTAL_TICKET_TYPES),
  categoryId: z.number().int().positive().nullish(),
  description: z.string().trim().min(2).max(2000),
  appointmentAt: z.iso.datetime({ offset: true }).nullish(),
  attachments: z.array(attachmentInput).max(9).default([]),
});
export type PortalTicketInput = z.infer<typeof portalTicketInput>;

const score = z.number().int().min(1).max(5);
export const rateBody = z.object({
  overall: score,
  speed: score,
  attitude: score,
  comment: z.string().trim().max(500).nullish(),
});
export const reopenBody = z.object({ reason: z.string().trim().min(2).max(500) });
export const portalPageQuery = pageQuery;

/** The notice types the resident does not want (emergencies still arrive). */
export const subscriptionsBody = z.object({ optOut: z.array(z.enum(NOTICE_TYPES)).max(NOTICE_TYPES.length) });
