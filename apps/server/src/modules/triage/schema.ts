import type { TicketType } from '@guanjia/shared';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { companies } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';
import type { TriageModel, Urgency } from './rules/classifier';
import type { UrgentKind } from './rules/urgency';
import type { TriageResult } from './types';

export interface ModelMetrics {
  /** Measured on the shipped fresh set when trained (the settings page shows them per version). */
  top1: number;
  top3: number;
  urgentRecall: number;
  urgentPrecision: number;
  n: number;
}

/**
 * Trained models are data: one row per version per company, the active one used by every node. A
 * retrain adds a version; a roll-back moves `active` to an older one (nothing is ever overwritten).
 */
export const triageModels = pgTable(
  'triage_models',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    version: integer('version').notNull(),
    /** base = the shipped training set only; retrained = plus the company's corrected tickets. */
    kind: text('kind').$type<'base' | 'retrained'>().notNull(),
    engine: text('engine').$type<'jieba' | 'ngrams'>().notNull(),
    model: jsonb('model').$type<TriageModel>().notNull(),
    trainingTexts: integer('training_texts').notNull(),
    correctedTickets: integer('corrected_tickets').notNull().default(0),
    metrics: jsonb('metrics').$type<ModelMetrics>(),
    trainMs: integer('train_ms').notNull().default(0),
    active: boolean('active').notNull().default(false),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('triage_models_version_uq').on(t.companyId, t.version),
    index('triage_models_active_idx').on(t.companyId, t.active),
  ],
);

/** The company's urgent phrase table (智能分类 settings), seeded from the product's list on first use. */
export const triagePhrases = pgTable(
  'triage_phrases',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    phrase: text('phrase').notNull(),
    kind: text('kind').$type<UrgentKind>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('triage_phrases_uq').on(t.companyId, t.phrase)],
);

/**
 * What a ticket was classified with at intake, and whether a person corrected it (at intake or by a
 * later edit): corrected rows are the only tickets the nightly retrain learns from.
 */
export const ticketTriage = pgTable(
  'ticket_triage',
  {
    ticketId: ref('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    modelId: ref('model_id').references(() => triageModels.id),
    source: text('source').$type<'console' | 'portal' | 'email' | 'ivr'>().notNull(),
    suggestion: jsonb('suggestion').$type<TriageResult>().notNull(),
    suggestedType: text('suggested_type').$type<TicketType>().notNull(),
    suggestedUrgency: text('suggested_urgency').$type<Urgency>().notNull(),
    suggestedCategoryId: ref('suggested_category_id'),
    /** The suggestion itself raised the priority to 急 (portal/e-mail): the timeline says "auto". */
    autoUrgent: boolean('auto_urgent').notNull().default(false),
    corrected: boolean('corrected').notNull().default(false),
    correctedAt: at('corrected_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ticket_triage_corrected_idx').on(t.companyId, t.corrected),
    index('ticket_triage_created_idx').on(t.companyId, t.createdAt),
  ],
);

/** Tickets an agent confirmed to be the same problem (the similar-tickets panel's 关联). */
export const ticketSimilarLinks = pgTable(
  'ticket_similar_links',
  {
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    otherTicketId: ref('other_ticket_id')
      .notNull()
      .references(() => tickets.id),
    companyId: ref('company_id').notNull(),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.otherTicketId] }),
    index('ticket_similar_links_other_idx').on(t.otherTicketId),
  ],
);
