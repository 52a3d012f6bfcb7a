/**
 * 智能分类 (issue 22): offline triage of resident texts (type, category, urgency), repeat-issue
 * clustering and the company's model versions and urgent phrases. Schemas of /api/triage* and
 * /api/tickets/:id/similar, /api/tickets/:id/triage.
 */
import { z } from 'zod';
import { TICKET_STATUSES, TICKET_TYPES } from '../tickets';

export const TRIAGE_URGENCIES = ['urgent', 'normal', 'scheduled'] as const;
export type TriageUrgency = (typeof TRIAGE_URGENCIES)[number];
export const URGENT_PHRASE_KINDS = ['life', 'property'] as const;

export const triageRequest = z.object({
  projectId: z.number().int().positive(),
  text: z.string().trim().min(1).max(4000),
});

export const triageResultSchema = z.object({
  type: z.enum(TICKET_TYPES),
  urgency: z.enum(TRIAGE_URGENCIES),
  /** A danger phrase was found (not negated): portal and e-mail tickets start urgent on it. */
  confidentUrgent: z.boolean(),
  /** Top 3; id null when the project's tree lacks the path. */
  categories: z.array(z.object({ id: z.number().nullable(), path: z.string(), confidence: z.number() })),
  reasons: z.array(z.string()),
  /** Words of the text that drove the choice (highlighted in the intake form). */
  highlights: z.array(z.string()),
  modelId: z.number().int(),
  modelVersion: z.number().int(),
  engine: z.enum(['jieba', 'ngrams']),
});
export type TriageResultDto = z.infer<typeof triageResultSchema>;

export const ticketTriageSchema = z.object({
  ticketId: z.number(),
  source: z.enum(['console', 'portal', 'email', 'ivr']),
  suggestion: triageResultSchema,
  autoUrgent: z.boolean(),
  corrected: z.boolean(),
  createdAt: z.string(),
});

export const similarTicketSchema = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  categoryPath: z.string().nullable(),
  unitLabel: z.string().nullable(),
  createdAt: z.string(),
  similarity: z.number(),
  linked: z.boolean(),
});

export const similarTicketsSchema = z.object({
  ticketId: z.number(),
  buildingName: z.string().nullable(),
  windowHours: z.number(),
  /** The problem as the console words it (the ticket's category, or its title). */
  label: z.string(),
  items: z.array(similarTicketSchema),
  /** This ticket and the similar ones reach the setting: suggest registering an outage/incident. */
  suggestIncident: z.boolean(),
  incidentThreshold: z.number(),
});

export const linkSimilarBody = z.object({ ticketIds: z.array(z.number().int().positive()).min(1).max(100) });
export const linkSimilarResult = z.object({ linked: z.number() });

export const urgentPhraseSchema = z.object({
  id: z.number(),
  phrase: z.string(),
  kind: z.enum(URGENT_PHRASE_KINDS),
  active: z.boolean(),
  version: z.number(),
});
export const urgentPhraseInput = z.object({
  phrase: z.string().trim().min(1).max(30),
  kind: z.enum(URGENT_PHRASE_KINDS),
});
export const urgentPhrasePatch = z.object({
  version: z.number().int().positive(),
  active: z.boolean().optional(),
  kind: z.enum(URGENT_PHRASE_KINDS).optional(),
});

const metrics = z.object({
  top1: z.number(),
  top3: z.number(),
  urgentRecall: z.number(),
  urgentPrecision: z.number(),
  n: z.number(),
});

export const triageModelSchema = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(['base', 'retrained']),
  engine: z.enum(['jieba', 'ngrams']),
  trainingTexts: z.number(),
  correctedTickets: z.number(),
  metrics: metrics.nullable(),
  trainMs: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const triageOverviewSchema = z.object({
  models: z.array(triageModelSchema),
  /** Production figures of the last 30 days: suggestions kept as given vs. corrected by a person. */
  live: z.object({
    triaged: z.number(),
    corrected: z.number(),
    autoUrgent: z.number(),
    acceptedRate: z.number().nullable(),
  }),
});

export const activateModelBody = z.object({});
