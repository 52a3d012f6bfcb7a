import { TICKET_PRIORITIES, TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import { versioned } from '../../platform/http/pagination';
import { causeInput, gradeInput } from '../complaints/inputs';
import { phoneInput } from '../residents/inputs';
import { EDITABLE_FIELDS } from './rules/ticket-edit';

const id = z.number().int().positive();

/**
 * PATCH /api/tickets/:id — a correction after intake. Absent = leave as is, null = clear. The rules
 * that need the ticket (unit and resident of its project, a usable category, 预约 with a time, someone
 * to call back) are checked on the merged values by the command (edit-ticket.ts).
 */
export const editTicketBody = versioned
  .extend({
    /** Why: shown on the timeline with who made the correction. */
    reason: z.string().trim().min(1).max(200),
    type: z.enum(TICKET_TYPES).optional(),
    categoryId: id.nullish(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    unitId: id.nullish(),
    residentId: id.nullish(),
    contactName: z.string().trim().max(50).nullish(),
    contactPhone: phoneInput.nullish(),
    description: z.string().trim().min(1).max(4000).optional(),
    appointmentAt: z.iso.datetime({ offset: true }).nullish(),
    grade: gradeInput.optional(),
    cause: causeInput.nullish(),
  })
  .refine((v) => EDITABLE_FIELDS.some((f) => v[f] !== undefined), {
    message: `at least one of ${EDITABLE_FIELDS.join(', ')} must be given`,
    path: ['type'],
  });
export type EditTicketBody = z.infer<typeof editTicketBody>;
