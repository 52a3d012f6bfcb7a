import type { TicketType } from '@guanjia/shared';

/** The vocabularies live in packages/shared (the console validates with them too); re-exported for the rules. */
export { TICKET_PRIORITIES, TICKET_TYPES, type TicketPriority, type TicketType } from '@guanjia/shared';

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
