import type { TicketPriority, TicketType } from '@guanjia/shared';

/** What the correction form holds (the appointment as an ISO instant, the category as its path). */
export interface EditValues {
  type: TicketType;
  priority: TicketPriority;
  appointmentAt: string | null;
  categoryPath: number[] | undefined;
  unitId: number | null;
  residentId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
}

/** The ticket fields the form starts from. */
export interface EditableTicket {
  type: TicketType;
  priority: TicketPriority;
  appointmentAt: string | null;
  categoryId: number | null;
  unitId: number | null;
  residentId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
}

const instant = (iso: string | null) => (iso ? Date.parse(iso) : null);
const text = (v: string | null | undefined) => v?.trim() || null;

/**
 * The PATCH body's fields: only what the agent changed, so a correction never overwrites a field
 * someone else changed meanwhile with the value this form was opened with (and the server's timeline
 * lists exactly what was corrected). Empty text clears a field.
 */
export function editPayload(ticket: EditableTicket, v: EditValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v.type !== ticket.type) out.type = v.type;
  if (v.priority !== ticket.priority) out.priority = v.priority;
  if (instant(v.appointmentAt) !== instant(ticket.appointmentAt)) out.appointmentAt = v.appointmentAt;
  const categoryId = v.categoryPath?.length ? v.categoryPath[v.categoryPath.length - 1]! : null;
  if (categoryId !== ticket.categoryId) out.categoryId = categoryId;
  if (v.unitId !== ticket.unitId) out.unitId = v.unitId;
  if (v.residentId !== ticket.residentId) out.residentId = v.residentId;
  if (text(v.contactName) !== text(ticket.contactName)) out.contactName = text(v.contactName);
  if (text(v.contactPhone) !== text(ticket.contactPhone)) out.contactPhone = text(v.contactPhone);
  if (v.description.trim() !== ticket.description.trim()) out.description = v.description.trim();
  return out;
}
