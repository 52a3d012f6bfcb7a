import { RESIDENT_RELATIONS } from '@guanjia/shared';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { NOTICE_TYPES } from '../notices/schema';
import { attachmentInput } from '../tickets/inputs';

/** `company`: the code in the portal link (`/portal?c=…`); needed when the phone is in several companies. */
export const codeBody = z.object({
  phone: z.string().trim().min(5).max(40),
  company: z.string().trim().min(1).max(40).nullish(),
});
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
  /** 紧急: the resident's own call (the form suggests it for 漏水/停电/困梯…); the ticket becomes 急. */
  urgent: z.boolean().default(false),
  /** A preferred visit window: a day and one of the project's windows, on the estate's clock. */
  appointment: z.object({ date: z.iso.date(), window: z.string().trim().min(1).max(20) }).nullish(),
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

const unitId = z.number().int().positive();
const personName = z.string().trim().min(1).max(40);
const note = z.string().trim().max(500).nullish();
const leaseEndsOn = z.iso.date().nullish();

/** A phone not (yet) in the archive for this unit asks the desk to bind it; a photo may prove it. */
export const bindingBody = z.object({
  unitId,
  name: personName,
  relation: z.enum(RESIDENT_RELATIONS),
  leaseEndsOn,
  note,
  attachments: z.array(attachmentInput).max(3).default([]),
});
export type BindingBody = z.infer<typeof bindingBody>;

/** An owner adds a family member or tenant to his unit. */
export const memberBody = z.object({
  unitId,
  name: personName,
  phone: z.string().trim().min(5).max(40),
  relation: z.enum(RESIDENT_RELATIONS),
  leaseEndsOn,
  note,
});
export type MemberBody = z.infer<typeof memberBody>;

export const removalBody = z.object({ unitId, residentId: z.number().int().positive(), note });
export type RemovalBody = z.infer<typeof removalBody>;

/** The unit picker walks one level at a time: projects, then a project's buildings, then a building's units. */
export const estateQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
});

export const reportFormQuery = z.object({ unitId: z.coerce.number().int().positive() });
