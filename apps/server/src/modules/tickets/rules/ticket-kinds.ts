/**
 * Ticket vocabularies used by the rules. Kept here (not in packages/shared) until the tickets module
 * publishes its shared schema; the values are the Chinese labels staff see, as for UNIT_TYPES.
 */
export const TICKET_TYPES = ['报修', '投诉', '咨询', '建议', '求助', '表扬'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** 急 = urgent (water/electric), 一般 = ordinary, 预约 = by appointment. */
export const TICKET_PRIORITIES = ['急', '一般', '预约'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Types an agent may answer and close at first contact (no work order, no callback). */
export const ANSWERABLE_TYPES: readonly TicketType[] = ['咨询', '表扬', '建议'];

/**
 * Callback rule per ticket type (HC 小区 keeps one per repair type):
 * 'required' — closes only on a satisfied callback (Q39, the product default);
 * 'optional' — goes to 待回访 but a supervisor may close without one;
 * 'never' — closes directly when the work is done.
 */
export const CALLBACK_POLICIES = ['required', 'optional', 'never'] as const;
export type CallbackPolicy = (typeof CALLBACK_POLICIES)[number];
