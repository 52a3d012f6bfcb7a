import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';

export const mailConfigQuery = z.object({ projectId: z.coerce.number().int().positive() });

export const mailConfigInput = z.object({
  projectId: z.number().int().positive(),
  /** The project's intake address, e.g. kefu@jxhy.guanjia.local (unique across the installation). */
  address: z.email().max(200).toLowerCase(),
  imapEnabled: z.boolean().default(false),
  imapHost: z.string().trim().min(1).max(200).nullish(),
  imapPort: z.number().int().min(1).max(65535).nullish(),
  imapSecure: z.boolean().default(true),
  imapUser: z.string().trim().min(1).max(200).nullish(),
  /** Omit to keep the stored password; null clears it. Never read back. */
  imapPassword: z.string().min(1).max(200).nullish(),
  imapMailbox: z.string().trim().min(1).max(200).default('INBOX'),
  /** Omit when the project has no mail configuration yet. */
  version: z.number().int().positive().optional(),
});
export type MailConfigInput = z.infer<typeof mailConfigInput>;

export const emailReplyBody = z.object({ body: z.string().trim().min(1).max(20_000) });

export const threadQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
