import { z } from 'zod';
import { isoTime, itemsOf, nullableTime, page } from './common';

export const KB_VISIBILITIES = ['internal', 'public'] as const;
export const KB_STATUSES = ['draft', 'published'] as const;
export const KB_QUESTION_STATUSES = ['open', 'answered', 'published'] as const;

/** An article: the full body on its own, a 120-character excerpt in lists and suggestions. */
export const kbArticleSchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  category: z.string(),
  tags: z.array(z.string()),
  title: z.string(),
  body: z.string().optional(),
  excerpt: z.string().optional(),
  visibility: z.enum(KB_VISIBILITIES),
  status: z.enum(KB_STATUSES),
  publishedAt: nullableTime,
  uses: z.number(),
  helpfulYes: z.number(),
  helpfulNo: z.number(),
  updatedAt: isoTime,
  version: z.number(),
});
export type KbArticle = z.infer<typeof kbArticleSchema>;
export const kbArticlePageSchema = page(kbArticleSchema);
export const kbSuggestionsSchema = itemsOf(kbArticleSchema);

/** One kept revision of an article. */
export const kbArticleVersionSchema = z.object({
  articleId: z.number(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  visibility: z.enum(KB_VISIBILITIES),
  status: z.enum(KB_STATUSES),
  editedById: z.number().nullable(),
  editedAt: isoTime,
});
export const kbArticleVersionPageSchema = page(kbArticleVersionSchema);

/** 专家席: a question an agent could not answer from the knowledge base; the caller's phone masked without pii.view. */
export const kbQuestionSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  callerPhone: z.string().nullable(),
  question: z.string(),
  status: z.enum(KB_QUESTION_STATUSES),
  /** Null for an automatic candidate (source 'auto'): residents asked it, no agent did. */
  askedById: z.number().nullable(),
  askedByName: z.string().nullable(),
  /** 'auto': the weekly aggregation clustered these consultations into one question. */
  source: z.enum(['agent', 'auto']),
  /** The consultations an automatic candidate stands for (how many residents asked). */
  memberTickets: z.array(z.object({ id: z.number(), number: z.string() })),
  answer: z.string().nullable(),
  answeredById: z.number().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: nullableTime,
  articleId: z.number().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type KbQuestion = z.infer<typeof kbQuestionSchema>;
export const kbQuestionPageSchema = page(kbQuestionSchema);
/** Publishing an answer makes it an article. */
export const kbQuestionPublishedSchema = z.object({ question: kbQuestionSchema, article: kbArticleSchema });

/** 分类 in use, with how many articles (the caller may see) each holds. */
export const kbCategoriesSchema = itemsOf(z.object({ name: z.string(), articles: z.number() }));

/** 同义词组: words a search treats as one. */
export const kbSynonymGroupSchema = z.object({
  id: z.number(),
  terms: z.array(z.string()),
  updatedAt: isoTime,
  version: z.number(),
});
export type KbSynonymGroup = z.infer<typeof kbSynonymGroupSchema>;
export const kbSynonymGroupsSchema = itemsOf(kbSynonymGroupSchema);

/** An article as a resident reads it in the portal: public and published only. */
export const portalKbArticleSchema = z.object({
  id: z.number(),
  category: z.string(),
  title: z.string(),
  body: z.string().optional(),
  excerpt: z.string().optional(),
  updatedAt: isoTime,
});
export type PortalKbArticle = z.infer<typeof portalKbArticleSchema>;
export const portalKbArticlePageSchema = page(portalKbArticleSchema);
