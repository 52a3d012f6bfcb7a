import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { patchOf } from '../../platform/http/patch-schema';
import { KB_VISIBILITIES } from './schema';

export const articleInput = z.object({
  /** null: for every project of the company. */
  projectId: z.number().int().positive().nullish(),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  title: z.string().trim().min(2).max(100),
  body: z.string().trim().min(1).max(20_000),
  visibility: z.enum(KB_VISIBILITIES).default('internal'),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const articlePatch = patchOf(articleInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});
export type ArticlePatch = z.infer<typeof articlePatch>;

export const articleListQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  projectId: z.coerce.number().int().positive().optional(),
  category: z.string().trim().min(1).max(40).optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  visibility: z.enum(KB_VISIBILITIES).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

/** Suggestions on the intake form: the ticket's text so far. */
export const suggestQuery = z.object({
  text: z.string().trim().min(2).max(2000),
  projectId: z.coerce.number().int().positive().optional(),
});

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
