import nodemailer, { type Transporter } from 'nodemailer';
import type { Provider } from './provider';

// One pooled transport per SMTP URL, reused across jobs.
const transports = new Map<string, Transporter>();

/** The pooled transport for an SMTP URL (ticket e-mail replies send through it too). */
export function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export function smtpProvider(url: string, from: string): Provider {
  const mailer = smtpTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      const info = await mailer.sendMail({
        from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      return { messageId: String(info.messageId) };
    },
  };
}

/** Tests and shutdown: close pooled connections. */
export function closeSmtpTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
