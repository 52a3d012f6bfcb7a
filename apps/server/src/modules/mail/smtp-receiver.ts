import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { getSetting } from '../../platform/settings/get-setting';
import type { Ctx } from '../tickets/ticket-write';
import { parseMail } from './parse-mail';
import { mailboxesFor } from './queries';
import { type IntakeResult, receiveMail, UnknownRecipient } from './receive-mail';
import { normalizeAddress } from './rules/address';
import { MAIL_MAX_BYTES } from './settings';

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });
/** The ceiling the SIZE extension announces; a project's own limit (a setting) is checked per message. */
const ANNOUNCED_MAX = 50 * 1024 * 1024;

/**
 * The built-in inbound mail server: accepts mail only for projects' addresses (550 otherwise), refuses
 * a message over the receiving project's size limit (552), and turns each accepted message into a
 * ticket or a thread entry before answering 250 — so a failure makes the sender's MTA retry.
 */
export async function startSmtpReceiver(
  ctx: Ctx,
  options: { port: number; host?: string; onIntake?: (r: IntakeResult) => void },
): Promise<SmtpReceiver> {
  const { db } = ctx.database;
  // Per session: the smallest size limit among its accepted recipients' projects.
  const limits = new Map<string, number>();
  const server = new SMTPServer({
    name: 'guanjia',
    banner: 'Guanjia 管家 mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: ANNOUNCED_MAX,
    logger: false,
    onRcptTo(address, session, callback) {
      const normalized = normalizeAddress(address.address);
      (async () => {
        const box = normalized ? (await mailboxesFor(db, [normalized])).get(normalized) : undefined;
        if (!box) throw smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`);
        const max = await getSetting(db, MAIL_MAX_BYTES, box);
        limits.set(session.id, Math.min(limits.get(session.id) ?? Number.POSITIVE_INFINITY, max));
      })().then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    onData(stream, session, callback) {
      const max = limits.get(session.id) ?? ANNOUNCED_MAX;
      // The next message of this connection names its own recipients, so its own limit.
      limits.delete(session.id);
      readLimited(stream, max)
        .then(async (raw) => {
          if (raw === null) throw smtpError(552, `5.3.4 message larger than ${max} bytes`);
          const to = session.envelope.rcptTo.map((r) => r.address);
          const result = await receiveMail(ctx, await parseMail(raw), to);
          options.onIntake?.(result);
        })
        .then(
          () => callback(),
          (error: unknown) => callback(asSmtpError(error)),
        );
    },
    onClose(session: SMTPServerSession) {
      limits.delete(session.id);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The whole message, or null once it passes `max` bytes (the rest is drained, not kept). */
function readLimited(stream: Readable, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)));
  });
}

function asSmtpError(error: unknown): Error {
  if (error instanceof UnknownRecipient) return smtpError(550, `5.1.1 ${error.message}`);
  if (error instanceof Error && 'responseCode' in error) return error;
  // Our fault (database down…): a temporary failure, the sender's server retries later.
  return smtpError(451, '4.3.0 temporary failure, try again later');
}
