import type { TicketType } from '@guanjia/shared';
import type { Suggestion } from './rules/classifier';

/** A suggestion as the API returns it and a ticket keeps it (ticket_triage.suggestion). */
export interface TriageResult {
  type: TicketType;
  urgency: Suggestion['urgency'];
  confidentUrgent: boolean;
  categories: { id: number | null; path: string; confidence: number }[];
  reasons: string[];
  highlights: string[];
  modelId: number;
  modelVersion: number;
  engine: 'jieba' | 'ngrams';
}
