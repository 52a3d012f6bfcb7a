import type { TicketType } from '@guanjia/shared';

/** One leaf of the category tree and what residents say about it (see phrases.ts). */
export interface LeafPool {
  path: string;
  type: TicketType;
  calm: string[];
  urgent?: string[];
}
