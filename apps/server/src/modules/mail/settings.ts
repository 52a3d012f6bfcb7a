import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** Whole message, attachments included, as received over SMTP or fetched over IMAP. */
export const MAIL_MAX_BYTES = defineSetting({
  key: 'mail.maxMessageBytes',
  schema: z
    .number()
    .int()
    .min(64 * 1024)
    .max(50 * 1024 * 1024),
  defaultValue: 10 * 1024 * 1024,
  description: 'Larger incoming e-mails are refused (SMTP 552) instead of becoming tickets',
});
