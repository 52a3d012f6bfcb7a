import type { TicketType } from '@guanjia/shared';

/** The vocabularies live in packages/shared (the console validates with them too); re-exported for the rules. */
export {
  CALLBACK_POLICIES,
  type CallbackPolicy,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketType,
} from '@guanjia/shared';

/** Types an agent may answer and close at first contact (no work order, no callback). */
export const ANSWERABLE_TYPES: readonly TicketType[] = ['咨询', '表扬', '建议'];
