import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A project's mailbox: the address the SMTP receiver accepts mail for, and optionally an IMAP
 * mailbox polled for the same purpose (a hosted 企业邮箱 that cannot forward to our receiver).
 */
export const mailConfigs = pgTable(
  'mail_configs',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    /** Lower-case, e.g. kefu@jxhy.guanjia.local; unique across the installation. */
    address: text('address').notNull(),
    imapEnabled: boolean('imap_enabled').notNull().default(false),
    imapHost: text('imap_host'),
    imapPort: integer('imap_port'),
    imapSecure: boolean('imap_secure').notNull().default(true),
    imapUser: text('imap_user'),
    imapPassword: text('imap_password'),
    imapMailbox: text('imap_mailbox').notNull().default('INBOX'),
    /** Highest UID already taken in; a poll fetches only newer mail. */
    imapLastUid: integer('imap_last_uid').notNull().default(0),
    /** The mailbox's UIDVALIDITY when imapLastUid was stored; a change means the UIDs were renumbered. */
    imapUidValidity: text('imap_uid_validity'),
    imapLastPolledAt: timestamp('imap_last_polled_at', { withTimezone: true, mode: 'date' }),
    imapLastError: text('imap_last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('mail_configs_project_uq').on(t.projectId),
    uniqueIndex('mail_configs_address_uq').on(t.address),
  ],
);

export type MailDirection = 'in' | 'out';
/**
 * `queued`: a reply recorded, not yet handed to the SMTP server; `logged`: the project's e-mail
 * provider is `log` (offline demo), so the reply was kept, not sent.
 */
export type MailStatus = 'received' | 'queued' | 'sent' | 'logged' | 'failed';

/** Every message of a ticket's e-mail thread, both ways, keyed by its Message-ID for threading. */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    /** Null only between claiming an incoming Message-ID and creating its ticket. */
    ticketId: ref('ticket_id').references(() => tickets.id),
    direction: text('direction').$type<MailDirection>().notNull(),
    status: text('status').$type<MailStatus>().notNull(),
    /** Without angle brackets. */
    messageId: text('message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    error: text('error'),
    sentById: ref('sent_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    // The same message delivered twice (a retrying MTA, SMTP and IMAP both) is taken in once.
    uniqueIndex('mail_messages_project_message_uq').on(t.projectId, t.messageId),
    index('mail_messages_ticket_idx').on(t.ticketId, t.id),
  ],
);

export const mailAttachments = pgTable(
  'mail_attachments',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    mailMessageId: ref('mail_message_id')
      .notNull()
      .references(() => mailMessages.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mail_attachments_message_idx').on(t.mailMessageId)],
);
