import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

/** A project's mailbox; the IMAP password is never shown again, only whether one is set. */
export const mailConfigSchema = z.object({
  projectId: z.number(),
  address: z.string().nullable(),
  imapEnabled: z.boolean(),
  imapHost: z.string().nullable(),
  imapPort: z.number().nullable(),
  imapSecure: z.boolean(),
  imapUser: z.string().nullable(),
  hasImapPassword: z.boolean(),
  imapMailbox: z.string(),
  imapLastPolledAt: nullableTime,
  imapLastError: z.string().nullable(),
  version: z.number().nullable(),
});
export type MailConfig = z.infer<typeof mailConfigSchema>;

/** One e-mail of a ticket's thread; residents' addresses are masked without pii.view. */
export const mailMessageSchema = z.object({
  id: z.number(),
  ticketId: z.number().nullable(),
  direction: z.enum(['in', 'out']),
  status: z.enum(['received', 'queued', 'sent', 'logged', 'failed']),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  from: z.string(),
  fromName: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  error: z.string().nullable(),
  sentById: z.number().nullable(),
  at: isoTime,
  attachments: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      url: z.string(),
    }),
  ),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;
export const mailThreadSchema = page(mailMessageSchema);
