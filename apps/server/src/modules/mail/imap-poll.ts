import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import type { Ctx } from '../tickets/ticket-write';
import { parseMail } from './parse-mail';
import { receiveMail, UnknownRecipient } from './receive-mail';
import { isNewUid, nextMark, startMark, uidRangeAfter } from './rules/imap-uids';
import { mailConfigs } from './schema';

type MailConfigRow = typeof mailConfigs.$inferSelect;

/** At most this many messages per mailbox per poll, so one flooded mailbox cannot hold the job. */
const BATCH = 200;

/**
 * Fetch the mailbox's new messages (by UID) and take each in like an SMTP delivery. The mark moves
 * past a message only once it is stored, so a crash re-fetches it and the Message-ID index drops it.
 */
export async function pollMailbox(ctx: Ctx, box: MailConfigRow): Promise<{ taken: number }> {
  if (!box.imapHost || !box.imapUser) return { taken: 0 };
  // Loaded on the first poll of a configured mailbox: most installations never pay its start-up cost.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: box.imapHost,
    port: box.imapPort ?? (box.imapSecure ? 993 : 143),
    secure: box.imapSecure,
    auth: { user: box.imapUser, pass: box.imapPassword ?? '' },
    logger: false,
  });
  await client.connect();
  const taken: number[] = [];
  let validity: string | null = null;
  try {
    const lock = await client.getMailboxLock(box.imapMailbox);
    try {
      validity = client.mailbox ? String(client.mailbox.uidValidity) : null;
      const mark = startMark(box.imapLastUid, { stored: box.imapUidValidity, current: validity });
      for await (const msg of client.fetch(uidRangeAfter(mark), { uid: true, source: true }, { uid: true })) {
        if (!isNewUid(msg.uid, mark) || !msg.source) continue;
        try {
          await receiveMail(ctx, await parseMail(msg.source), [box.address]);
        } catch (error) {
          // Mail in this mailbox is for this project even when its To: names an alias.
          if (!(error instanceof UnknownRecipient)) throw error;
        }
        taken.push(msg.uid);
        if (taken.length >= BATCH) break;
      }
      await ctx.database.db
        .update(mailConfigs)
        .set({
          imapLastUid: nextMark(mark, taken),
          imapUidValidity: validity,
          imapLastPolledAt: ctx.clock.now(),
          imapLastError: null,
        })
        .where(eq(mailConfigs.id, box.id));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return { taken: taken.length };
}

/** Every minute: poll each project's IMAP mailbox that is switched on; one failing box does not stop the rest. */
export function registerMailJobs(services: Services): void {
  services.queue.register('mail.imapPoll', async () => {
    const { db } = services.database;
    const boxes = await db.select().from(mailConfigs).where(eq(mailConfigs.imapEnabled, true));
    let taken = 0;
    for (const box of boxes) {
      try {
        taken += (await pollMailbox(services, box)).taken;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db
          .update(mailConfigs)
          .set({ imapLastError: message.slice(0, 500), imapLastPolledAt: services.clock.now() })
          .where(eq(mailConfigs.id, box.id));
      }
    }
    return { boxes: boxes.length, taken };
  });
  services.queue.schedule('mail.imapPoll', '* * * * *');
}
