import { type AuthContext, can } from '../../platform/auth/context';
import { maskAddress } from '../delivery/queries';
import { attachmentUrl } from './receive-mail';
import type { mailAttachments, mailMessages } from './schema';

type MailRow = typeof mailMessages.$inferSelect;
type FileRow = Pick<
  typeof mailAttachments.$inferSelect,
  'id' | 'mailMessageId' | 'filename' | 'contentType' | 'size'
>;

/** Residents' addresses are personal data (masked without pii.view); the project's own is not. */
export function presentMessage(auth: AuthContext, m: MailRow, files: readonly FileRow[]) {
  const pii = can(auth, 'pii.view');
  const show = (address: string, ours: boolean) => (ours || pii ? address : maskAddress('email', address));
  return {
    id: m.id,
    ticketId: m.ticketId,
    direction: m.direction,
    status: m.status,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    from: show(m.fromAddress, m.direction === 'out'),
    fromName: m.fromName,
    to: show(m.toAddress, m.direction === 'in'),
    subject: m.subject,
    body: m.body,
    error: m.error,
    sentById: m.sentById,
    at: m.createdAt.toISOString(),
    attachments: files
      .filter((f) => f.mailMessageId === m.id)
      .map((f) => ({
        id: f.id,
        name: f.filename,
        contentType: f.contentType,
        size: f.size,
        url: attachmentUrl(f.id),
      })),
  };
}
