import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { companies } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

export const KB_VISIBILITIES = ['internal', 'public'] as const;
export type KbVisibility = (typeof KB_VISIBILITIES)[number];
/** draft: being written, staff editors only · published: in search (and, if public, in the portal). */
export const KB_STATUSES = ['draft', 'published'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

/**
 * One standard answer per question. Company-wide (projectId null) or for one project; internal
 * articles are for staff only, public ones may be shown to residents.
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: ref('project_id').references(() => projects.id),
    category: text('category').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    title: text('title').notNull(),
    body: text('body').notNull(),
    visibility: text('visibility').$type<KbVisibility>().notNull().default('internal'),
    /** Existing articles were all live before drafts existed: the default keeps them published. */
    status: text('status').$type<KbStatus>().notNull().default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** Title, tags, category and body lower-cased: the bigram index makes Chinese searchable. */
    searchText: text('search_text').notNull(),
    /**
     * guanjia_bigrams(search_text), stored: scoring counts a query's pieces in it for every candidate
     * row, and computing the pieces per row per query cost seconds at 5,000 articles (bench/kb-search).
     */
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`guanjia_bigrams(search_text)`),
    /** The title's pieces, stored for the same reason: a title hit weighs double in the ranking. */
    titleBigrams: text('title_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`guanjia_bigrams(lower(title))`),
    uses: integer('uses').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    createdById: ref('created_by_id'),
    updatedById: ref('updated_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('kb_articles_company_idx').on(t.companyId, t.projectId, t.id),
    // Chinese search without a segmenter: every two-character piece (guanjia_bigrams, migration 0002).
    index('kb_articles_bigrams_idx').using('gin', t.searchBigrams),
  ],
);

/** Every saved version of an article: who changed what, and the text as it was. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    articleId: ref('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category').notNull(),
    tags: text('tags').array().notNull(),
    visibility: text('visibility').$type<KbVisibility>().notNull(),
    status: text('status').$type<KbStatus>().notNull().default('published'),
    editedById: ref('edited_by_id'),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/**
 * 同义词: one group of words residents and staff use for the same thing (水管爆了 · 爆管 · 漏水). A search
 * containing any term of a group also finds articles holding another term of it. Per company, editable.
 */
export const kbSynonymGroups = pgTable(
  'kb_synonym_groups',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    terms: text('terms').array().notNull(),
    updatedById: ref('updated_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('kb_synonym_groups_company_idx').on(t.companyId, t.id)],
);

/** "Was this helpful?": one vote per staff member and article, which they may change. */
export const kbVotes = pgTable(
  'kb_votes',
  {
    articleId: ref('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    userId: ref('user_id').notNull(),
    helpful: boolean('helpful').notNull(),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

export const KB_QUESTION_STATUSES = ['open', 'answered', 'published'] as const;
export type KbQuestionStatus = (typeof KB_QUESTION_STATUSES)[number];
export type KbQuestionSource = 'agent' | 'auto';

/**
 * 专家席: a question an agent could not answer from the knowledge base, with the ticket (or the
 * caller) it came from. The expert's answer goes back to the agent and may become an article.
 */
export const kbQuestions = pgTable(
  'kb_questions',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    ticketId: ref('ticket_id'),
    callerPhone: text('caller_phone'),
    question: text('question').notNull(),
    status: text('status').$type<KbQuestionStatus>().notNull().default('open'),
    /** Null for a candidate the weekly aggregation raised: nobody asked it, residents did. */
    askedById: ref('asked_by_id'),
    /** 'auto': clustered from consultations that found no article (triage aggregateQuestions). */
    source: text('source').$type<KbQuestionSource>().notNull().default('agent'),
    /** The consultations an automatic candidate stands for; each ticket belongs to one candidate at most. */
    memberTicketIds: bigint('member_ticket_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    answer: text('answer'),
    answeredById: ref('answered_by_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    articleId: ref('article_id').references(() => kbArticles.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // The expert queue: open questions of a company, oldest first.
    index('kb_questions_queue_idx').on(t.companyId, t.status, t.id),
    index('kb_questions_ticket_idx').on(t.ticketId),
    index('kb_questions_asker_idx').on(t.askedById, t.id),
    // The weekly aggregation reads a project's automatic candidates.
    index('kb_questions_auto_idx').on(t.projectId, t.source, t.status),
  ],
);
