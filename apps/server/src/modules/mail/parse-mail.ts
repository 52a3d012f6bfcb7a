import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { normalizeAddress } from './rules/address';
import { parseMessageIds } from './rules/thread';

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What intake needs from a raw RFC 5322 message. */
export interface ParsedMail {
  messageId: string;
  inReplyTo: string[];
  references: string[];
  fromAddress: string;
  fromName: string | null;
  to: string[];
  subject: string;
  body: string;
  attachments: ParsedAttachment[];
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // Loaded with the first message (about half a second), not on every start.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = addressesOf(mail.from)[0];
  const fromAddress = normalizeAddress(from?.address ?? '') ?? 'unknown@invalid';
  // A message without a Message-ID still gets a stable one, so the same bytes delivered twice dedupe.
  const messageId =
    parseMessageIds(mail.messageId)[0] ??
    `${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid`;
  return {
    messageId,
    inReplyTo: parseMessageIds(mail.inReplyTo),
    references: parseMessageIds(mail.references),
    fromAddress,
    fromName: from?.name?.trim() || null,
    to: [...addressesOf(mail.to), ...addressesOf(mail.cc)]
      .map((a) => normalizeAddress(a.address ?? ''))
      .filter((a): a is string => a !== null),
    subject: (mail.subject ?? '').trim(),
    body: (mail.text ?? '').trim(),
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a, i) => ({
        filename: a.filename?.trim() || `attachment-${i + 1}`,
        contentType: a.contentType || 'application/octet-stream',
        content: a.content,
      })),
  };
}
