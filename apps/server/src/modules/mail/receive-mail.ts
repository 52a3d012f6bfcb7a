import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { ROUTE_WEB_ITEMS_JOB } from '../telephony/route-web-items';
import { createTicket } from '../tickets/create-ticket';
import type { Attachment } from '../tickets/schema';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { classifyIntake } from '../triage/classify-intake';
import { recordTicketTriage } from '../triage/record-triage';
import type { ParsedMail } from './parse-mail';
import {
  knownThreadIds,
  mailboxesFor,
  messageByMessageId,
  residentByEmail,
  ticketIdByNumber,
} from './queries';
import { normalizeAddress, projectForRecipients } from './rules/address';
import { ticketNumberIn, titleFrom } from './rules/subject';
import { resolveThread, threadCandidates } from './rules/thread';
import { mailAttachments, mailMessages } from './schema';

export type IntakeOutcome = 'created' | 'threaded' | 'duplicate';
export interface IntakeResult {
  outcome: IntakeOutcome;
  ticketId: number;
  projectId: number;
}

/** A recipient no project owns: the SMTP receiver answers 550, IMAP leaves the message alone. */
export class UnknownRecipient extends Error {}

const channelActor = (companyId: number): Actor => ({ userId: null, companyId, source: 'channel' });
export const attachmentUrl = (id: number) => `/api/mail/attachments/${id}`;

/**
 * One incoming message → a new ticket (channel email) or a comment on the ticket it answers. The
 * Message-ID is claimed by a unique index before anything else, so the same message delivered
 * twice (or by SMTP and IMAP at once) never makes two tickets.
 */
export async function receiveMail(
  ctx: Ctx,
  mail: ParsedMail,
  envelopeTo: readonly string[],
): Promise<IntakeResult> {
  const { db } = ctx.database;
  const recipients = [...envelopeTo, ...mail.to];
  const normalized = recipients.map(normalizeAddress).filter((a): a is string => a !== null);
  const boxes = await mailboxesFor(db, normalized);
  const target = projectForRecipients(normalized, new Map([...boxes].map(([a, b]) => [a, b.projectId])));
  const box = target ? boxes.get(target.address) : undefined;
  if (!target || !box) throw new UnknownRecipient(`no project receives mail for ${envelopeTo.join(', ')}`);
  const { projectId, companyId } = box;

  const seen = await messageByMessageId(db, projectId, mail.messageId);
  if (seen?.ticketId) return { outcome: 'duplicate', ticketId: seen.ticketId, projectId };

  const numbered = ticketNumberIn(mail.subject);
  const candidates = threadCandidates(mail.inReplyTo, mail.references);
  const threadTicket = seen
    ? null
    : resolveThread(
        candidates,
        await knownThreadIds(db, projectId, candidates),
        numbered ? await ticketIdByNumber(db, projectId, numbered) : null,
      );
  if (threadTicket !== null) return threadOnto(ctx, companyId, projectId, threadTicket, mail, target.address);

  // Claim the Message-ID (or find our own earlier claim whose ticket was never made), then create.
  const claimed = seen ?? (await claim(db, companyId, projectId, mail, target.address));
  if (claimed.ticketId) return { outcome: 'duplicate', ticketId: claimed.ticketId, projectId };
  // Concurrent deliveries that lost the claim reach the winner's ticket through the idempotency key.
  const { id: ticketId, created } = await createMailTicket(ctx, companyId, projectId, claimed.id, mail);
  await db.update(mailMessages).set({ ticketId }).where(eq(mailMessages.id, claimed.id));
  // An agent of the web-items queue is offered the new ticket (telephony/route-web-items.ts).
  if (created) await ctx.queue.enqueue(ROUTE_WEB_ITEMS_JOB, { companyId, projectId });
  return { outcome: created ? 'created' : 'duplicate', ticketId, projectId };
}

async function claim(db: DbOrTx, companyId: number, projectId: number, mail: ParsedMail, to: string) {
  return db.transaction(async (tx) => {
    const [row] = await insertMessage(tx, companyId, projectId, null, mail, to);
    if (!row) {
      // A concurrent delivery of the same message won the claim.
      const other = await messageByMessageId(tx, projectId, mail.messageId);
      if (!other) throw new Error('mail message claim vanished');
      return other;
    }
    await insertAttachments(tx, projectId, row.id, mail);
    return { id: row.id, ticketId: null };
  });
}

function insertMessage(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  ticketId: number | null,
  mail: ParsedMail,
  to: string,
) {
  return tx
    .insert(mailMessages)
    .values({
      companyId,
      projectId,
      ticketId,
      direction: 'in',
      status: 'received',
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo[0] ?? null,
      references: mail.references,
      fromAddress: mail.fromAddress,
      fromName: mail.fromName,
      toAddress: to,
      subject: mail.subject,
      body: mail.body,
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id });
}

async function insertAttachments(tx: DbOrTx, projectId: number, mailMessageId: number, mail: ParsedMail) {
  if (!mail.attachments.length) return [];
  const rows = await tx
    .insert(mailAttachments)
    .values(
      mail.attachments.map((a) => ({
        projectId,
        mailMessageId,
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
        content: a.content,
      })),
    )
    .returning({ id: mailAttachments.id, filename: mailAttachments.filename });
  return rows.map((r): Attachment => ({ url: attachmentUrl(r.id), name: r.filename }));
}

async function createMailTicket(
  ctx: Ctx,
  companyId: number,
  projectId: number,
  mailRowId: number,
  mail: ParsedMail,
): Promise<{ id: number; created: boolean }> {
  const { db } = ctx.database;
  const resident = await residentByEmail(db, projectId, mail.fromAddress);
  const files = await db
    .select({ id: mailAttachments.id, filename: mailAttachments.filename })
    .from(mailAttachments)
    .where(eq(mailAttachments.mailMessageId, mailRowId));
  // The mail channel acts without staff permissions, inside the receiving project only.
  const auth: AuthContext = {
    userId: 0,
    companyId,
    username: 'mail',
    displayName: 'mail',
    locale: 'zh-CN',
    permissions: new Set(),
    projectIds: [projectId],
    allProjects: false,
    sessionId: 0,
  };
  const description = [...(mail.body || mail.subject || '(空邮件)')].slice(0, 4000).join('');
  // 智能分类 pre-classifies the mail; the agent confirms or corrects it on acceptance.
  const triage = await classifyIntake(ctx, companyId, projectId, `${mail.subject ?? ''} ${description}`);
  const { id, created } = await createTicket(
    ctx,
    auth,
    {
      projectId,
      // An enquiry without a work order until an agent accepts or corrects the suggestion it carries;
      // a danger named in the mail is a repair at once, urgent, in the suggested category.
      type: triage?.autoUrgent ? '报修' : '咨询',
      channel: 'email',
      priority: triage?.autoUrgent ? '急' : '一般',
      categoryId: triage?.autoUrgent ? triage.categoryId : null,
      residentId: resident?.id ?? null,
      unitId: resident?.unitId ?? null,
      contactName: resident ? null : [...(mail.fromName ?? mail.fromAddress)].slice(0, 50).join(''),
      contactPhone: null,
      title: titleFrom(mail.subject, mail.body, 100),
      description,
      attachments: files.slice(0, 20).map((f) => ({ url: attachmentUrl(f.id), name: f.filename })),
    },
    // A crash between the claim and this call retries into the same ticket.
    `mail:${mailRowId}`,
    channelActor(companyId),
  );
  if (created && triage)
    await recordTicketTriage(ctx, {
      ticketId: id,
      source: 'email',
      result: triage.result,
      autoUrgent: triage.autoUrgent,
      actor: channelActor(companyId),
    });
  return { id, created };
}

/** A reply by the resident: stored in the thread, its files added to the ticket, a timeline entry. */
async function threadOnto(
  ctx: Ctx,
  companyId: number,
  projectId: number,
  ticketId: number,
  mail: ParsedMail,
  to: string,
): Promise<IntakeResult> {
  return writeTicket(
    ctx,
    null,
    ticketId,
    async (w) => {
      const [row] = await insertMessage(w.tx, companyId, projectId, ticketId, mail, to);
      if (!row) return { outcome: 'duplicate' as const, ticketId, projectId };
      const files = await insertAttachments(w.tx, projectId, row.id, mail);
      if (files.length) await patchTicket(w, { attachments: [...w.bundle.ticket.attachments, ...files] });
      await w.event({
        action: 'ticket.email_received',
        entityType: 'ticket',
        entityId: ticketId,
        after: {
          mailMessageId: row.id,
          from: mail.fromAddress,
          subject: mail.subject,
          excerpt: [...mail.body].slice(0, 200).join(''),
          attachments: files.length,
        },
      });
      return { outcome: 'threaded' as const, ticketId, projectId };
    },
    channelActor(companyId),
  );
}
