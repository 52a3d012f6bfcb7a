import type { ComplaintCause, ComplaintGrade, TicketPriority, TicketType } from '@guanjia/shared';

/** What an agent may correct after intake (PATCH /api/tickets/:id). */
export const EDITABLE_FIELDS = [
  'type',
  'categoryId',
  'priority',
  'unitId',
  'residentId',
  'contactName',
  'contactPhone',
  'description',
  'appointmentAt',
  // 投诉闭环: a complaint's grade (一般/重要/重大) and cause category.
  'grade',
  'cause',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface EditableValues {
  type: TicketType;
  categoryId: number | null;
  priority: TicketPriority;
  unitId: number | null;
  residentId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
  appointmentAt: Date | null;
  grade: ComplaintGrade | null;
  cause: ComplaintCause | null;
}

/** undefined = leave as is, null = clear (where the field may be empty). */
export type EditRequest = { [K in EditableField]?: EditableValues[K] };

/** Fields whose change re-plans the SLA clocks: they choose the targets (policy-match.ts). */
export const CLASSIFYING_FIELDS = ['type', 'categoryId', 'priority'] as const satisfies EditableField[];

/** Personal data: the timeline says it changed, never what it was or became (as resident events do). */
const PII_FIELDS: ReadonlySet<EditableField> = new Set(['contactName', 'contactPhone']);

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b)
    : a === b;

/** The requested values that differ from the ticket's: an edit repeating what is there changes nothing. */
export function ticketChanges(current: EditableValues, requested: EditRequest): EditRequest {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const next = requested[field];
    if (next === undefined || same(current[field], next)) continue;
    changes[field] = next;
  }
  return changes as EditRequest;
}

export const reclassifies = (changes: EditRequest) =>
  CLASSIFYING_FIELDS.some((f) => changes[f] !== undefined);

/** The ticket as it would be after the edit. */
export const mergeEdit = (current: EditableValues, changes: EditRequest): EditableValues => ({
  ...current,
  ...changes,
});

/**
 * What the edited ticket would break, checked on the merged values (the request alone cannot tell:
 * clearing the phone is fine while a unit remains). Same rules as the intake form (inputs.ts).
 */
export function editProblem(next: EditableValues): { path: EditableField; message: string } | null {
  if (next.priority === '预约' && !next.appointmentAt)
    return { path: 'appointmentAt', message: 'an appointment time is required for 预约' };
  if (!next.residentId && !next.contactPhone && !next.unitId)
    return {
      path: 'residentId',
      message: 'a resident, a unit or a contact phone is required so the resident can be called back',
    };
  return null;
}

const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The timeline's before/after of an edit: only the changed fields. Personal data is masked the way
 * resident events mask it: the old value shows as '***', the new one as 'changed' (null stays null,
 * so "the phone was removed" can still be read).
 */
export function editAudit(current: EditableValues, changes: EditRequest) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const next = changes[field];
    if (next === undefined) continue;
    const pii = PII_FIELDS.has(field);
    before[field] = pii && current[field] !== null ? '***' : plain(current[field]);
    after[field] = pii && next !== null ? 'changed' : plain(next);
  }
  return { before, after };
}
