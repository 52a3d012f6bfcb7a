import { z } from 'zod';
import { pageQuery, queryBool } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { KB_QUESTION_STATUSES, KB_STATUSES, KB_VISIBILITIES } from './schema';

export const articleInput = z.object({
  /** null: for every project of the company. */
  projectId: z.number().int().positive().nullish(),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  title: z.string().trim().min(2).max(100),
  body: z.string().trim().min(1).max(20_000),
  visibility: z.enum(KB_VISIBILITIES).default('internal'),
  /** The console saves a new article as a draft; the API's other writers (experts) publish at once. */
  status: z.enum(KB_STATUSES).default('published'),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const articlePatch = patchOf(articleInput.omit({ projectId: true, status: true })).extend({
  version: z.number().int().positive(),
});
export type ArticlePatch = z.infer<typeof articlePatch>;

export const articleListQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  category: z.string().trim().min(1).max(40).optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  visibility: z.enum(KB_VISIBILITIES).optional(),
  /** Editors only: everyone else reads published articles. */
  status: z.enum(KB_STATUSES).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

/** Suggestions on the intake form: the ticket's text so far. */
export const suggestQuery = z.object({
  text: z.string().trim().min(2).max(2000),
  projectId: z.coerce.number().int().positive().optional(),
});

/** 发布 / 撤回 an article. */
export const articleStatusInput = z.object({ version: z.number().int().positive() });

/** The portal's search: public, published articles of the resident's company and projects. */
export const portalKbQuery = pageQuery.extend({ q: z.string().trim().min(1).max(100).optional() });
export type PortalKbQuery = z.infer<typeof portalKbQuery>;

export const categoryQuery = z.object({ projectId: z.coerce.number().int().positive().optional() });

export const voteInput = z.object({ helpful: z.boolean() });

/** Publish a ticket's answer (an expert's reply to a question nobody could answer) as an article. */
export const fromTicketInput = z.object({
  ticketId: z.number().int().positive(),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  /** Defaults to the ticket's title. */
  title: z.string().trim().min(2).max(100).optional(),
  visibility: z.enum(KB_VISIBILITIES).default('internal'),
  /** Company-wide rather than for the ticket's project only. */
  companyWide: z.boolean().default(false),
});
export type FromTicketInput = z.infer<typeof fromTicketInput>;

/** "没找到答案，转专家": what the agent was asked, and where the question came from. */
export const askInput = z.object({
  projectId: z.number().int().positive(),
  question: z.string().trim().min(2).max(2000),
  ticketId: z.number().int().positive().nullish(),
  callerPhone: z.string().trim().min(3).max(40).nullish(),
});
export type AskInput = z.infer<typeof askInput>;

export const questionListQuery = pageQuery.extend({
  status: z.enum(KB_QUESTION_STATUSES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  ticketId: z.coerce.number().int().positive().optional(),
  /** Only the caller's own questions (an expert sees everyone's otherwise). */
  mine: queryBool.optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuery>;

export const answerInput = z.object({
  answer: z.string().trim().min(2).max(20_000),
  version: z.number().int().positive(),
});

/** Publish the answer as an article: the question becomes its title unless the expert gives one. */
export const publishQuestionInput = fromTicketInput.omit({ ticketId: true }).extend({
  version: z.number().int().positive(),
});
export type PublishQuestionInput = z.infer<typeof publishQuestionInput>;
