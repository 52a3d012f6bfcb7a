import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { conflict } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { smtpTransport } from '../delivery/providers/smtp';
import { DELIVERY_PROVIDERS } from '../delivery/settings';
import { projects } from '../org/schema';
import { residents } from '../residents/schema';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { mailboxOfProject } from './queries';
import { domainOf } from './rules/address';
import { replySubject } from './rules/subject';
import { bracket, replyHeaders } from './rules/thread';
import { mailMessages } from './schema';

type MailRow = typeof mailMessages.$inferSelect;

/**
 * An agent answers the resident by e-mail from the ticket: the reply is recorded in the thread and on
 * the timeline (one transaction), then handed to the project's SMTP provider with In-Reply-To and
 * References to the last message, and the ticket number in the subject.
 */
export async function sendEmailReply(
  ctx: Ctx,
  auth: AuthContext,
  ticketId: number,
  body: string,
): Promise<MailRow> {
  const { db } = ctx.database;
  const queued = await writeTicket(ctx, auth, ticketId, async (w) => {
    const ticket = w.bundle.ticket;
    const box = await mailboxOfProject(w.tx, ticket.projectId);
    if (!box) throw conflict('This project has no e-mail address; set one under mail settings');
    const thread = await w.tx
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.ticketId, ticket.id))
      .orderBy(desc(mailMessages.id));
    const lastIn = thread.find((m) => m.direction === 'in');
    const residentEmail = ticket.residentId ? await emailOfResident(w.tx, ticket.residentId) : null;
    const to = lastIn?.fromAddress ?? residentEmail;
    if (!to) throw conflict('Neither the ticket nor its resident has an e-mail address to reply to');
    const parent = thread[0];
    const headers = parent ? replyHeaders(parent) : null;
    const first = thread[thread.length - 1];
    const [row] = await w.tx
      .insert(mailMessages)
      .values({
        companyId: ticket.companyId,
        projectId: ticket.projectId,
        ticketId: ticket.id,
        direction: 'out',
        status: 'queued',
        messageId: `${randomUUID()}@${domainOf(box.address)}`,
        inReplyTo: headers?.inReplyTo ?? null,
        references: headers?.references ?? [],
        fromAddress: box.address,
        toAddress: to,
        subject: replySubject(first?.subject ?? ticket.title, ticket.number),
        body,
        sentById: auth.userId,
      })
      .returning();
    if (!row) throw new Error('reply not stored');
    await w.event({
      action: 'ticket.email_sent',
      entityType: 'ticket',
      entityId: ticket.id,
      after: { mailMessageId: row.id, to, subject: row.subject, excerpt: [...body].slice(0, 200).join('') },
    });
    return row;
  });
  const outcome = await deliver(ctx, queued);
  const [done] = await db
    .update(mailMessages)
    .set(outcome)
    .where(and(eq(mailMessages.id, queued.id), eq(mailMessages.status, 'queued')))
    .returning();
  return done ?? queued;
}

async function emailOfResident(tx: Parameters<typeof mailboxOfProject>[0], residentId: number) {
  const [r] = await tx.select({ email: residents.email }).from(residents).where(eq(residents.id, residentId));
  return r?.email?.trim().toLowerCase() || null;
}

/** Through the project's e-mail provider: `smtp` sends, `log` (the offline demo) only keeps it. */
async function deliver(ctx: Ctx, m: MailRow): Promise<Pick<MailRow, 'status' | 'error'>> {
  const { db } = ctx.database;
  const providers = await getSetting(db, DELIVERY_PROVIDERS, {
    companyId: m.companyId,
    projectId: m.projectId,
  });
  if (providers.email !== 'smtp') return { status: 'logged', error: null };
  if (!providers.smtpUrl) return { status: 'failed', error: 'delivery.providers.smtpUrl is not set' };
  const [project] = await db
    .select({ name: projects.name })
    .from(projects)
    .where(eq(projects.id, m.projectId));
  try {
    await smtpTransport(providers.smtpUrl).sendMail({
      from: { name: `${project?.name ?? ''}客服中心`, address: m.fromAddress },
      to: m.toAddress,
      subject: m.subject,
      text: m.body,
      messageId: bracket(m.messageId),
      inReplyTo: m.inReplyTo ? bracket(m.inReplyTo) : undefined,
      references: m.references.length ? m.references.map(bracket) : undefined,
    });
    return { status: 'sent', error: null };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
}
